import { Module, type Type } from '@nestjs/common';
import type { OperationHandler } from '@bbws/platform-operations';

/** PLUGIN_INSTALLATION, PLUGIN_UPDATE and PLUGIN_UNINSTALLATION on `bbws-wp-site-update`. */
export const PLUGIN_ACTION_HANDLERS: Type<OperationHandler>[] = [];

@Module({ providers: [], exports: PLUGIN_ACTION_HANDLERS })
export class PluginActionsModule {}
