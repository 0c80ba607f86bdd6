import { Module } from '@nestjs/common';
import { PluginActionsModule, PLUGIN_ACTION_HANDLERS } from '../plugin-actions/plugin-actions.module';
import { SiteChangesModule, SITE_CHANGE_HANDLERS } from '../site-changes/site-changes.module';
import { SitePromotionModule, SITE_PROMOTION_HANDLERS } from '../site-promotion/site-promotion.module';

/** Every message type of `bbws-wp-site-update`, each from its feature module. */
export const SITE_UPDATE_HANDLERS = [
  ...SITE_CHANGE_HANDLERS,
  ...PLUGIN_ACTION_HANDLERS,
  ...SITE_PROMOTION_HANDLERS,
];

/** `bbws-wp-site-update`: settings, status, templates, plugins, promotion, backups and restores. */
@Module({ imports: [SiteChangesModule, PluginActionsModule, SitePromotionModule] })
export class SiteUpdateModule {}
