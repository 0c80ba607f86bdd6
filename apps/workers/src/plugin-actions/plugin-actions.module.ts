import { Module, type Type } from '@nestjs/common';
import { CataloguePluginDao, PluginInstallability } from '@bbws/data-access-catalogue';
import { InstanceDao } from '@bbws/data-access-instances';
import { InstalledPluginDao, SiteDao } from '@bbws/data-access-sites';
import { INSTANCE_AGENT_ACCESS, SiteHealthCheck } from '@bbws/integrations-instance-agents';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { CLOCK, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import type { OperationHandler } from '@bbws/platform-operations';
import { SitePackageUrls } from '../sites/site-package.urls';
import { SitePlugins } from '../sites/site-plugins';
import { SITE_WORKER_PROVIDERS } from '../sites/site-workers.providers';
import {
  PluginInstallationHandler,
  PluginUninstallationHandler,
  PluginUpdateHandler,
} from './plugin-action.handlers';
import { InstancePluginRecords } from './instance-plugin.records';
import { SiteTargets } from '../sites/site-targets';
import { PluginActionTargets } from './plugin-action.target';
import { PluginFailureRecorder } from './plugin-failure.recorder';
import { PluginInstallationService } from './plugin-installation.service';
import { PluginUninstallationService } from './plugin-uninstallation.service';
import { PluginUpdateService } from './plugin-update.service';

/** PLUGIN_INSTALLATION, PLUGIN_UPDATE and PLUGIN_UNINSTALLATION on `bbws-wp-site-update`. */
export const PLUGIN_ACTION_HANDLERS: Type<OperationHandler>[] = [
  PluginInstallationHandler,
  PluginUpdateHandler,
  PluginUninstallationHandler,
];

@Module({
  providers: [
    ...SITE_WORKER_PROVIDERS,
    provideClass(SiteTargets, [SiteDao, InstanceDao, INSTANCE_AGENT_ACCESS]),
    provideClass(PluginActionTargets, [SiteTargets]),
    provideClass(PluginFailureRecorder, [SiteDao, CLOCK]),
    provideClass(InstancePluginRecords, [SiteDao, InstalledPluginDao]),
    provideFactory(SiteHealthCheck, [WordPressClient], (wordpress) => new SiteHealthCheck(wordpress)),
    provideFactory(
      PluginInstallationService,
      [
        PluginActionTargets,
        PluginInstallability,
        CataloguePluginDao,
        InstalledPluginDao,
        SitePackageUrls,
        SitePlugins,
        WordPressClient,
        InstancePluginRecords,
        CLOCK,
      ],
      (targets, installability, catalogue, installed, urls, plugins, wordpress, holders, clock) =>
        new PluginInstallationService({
          targets,
          installability,
          catalogue,
          installed,
          urls,
          plugins,
          wordpress,
          holders,
          clock,
        }),
    ),
    provideFactory(
      PluginUpdateService,
      [
        PluginActionTargets,
        PluginInstallability,
        CataloguePluginDao,
        InstalledPluginDao,
        SitePackageUrls,
        WordPressClient,
        SiteHealthCheck,
        InstancePluginRecords,
      ],
      (targets, installability, catalogue, installed, urls, wordpress, health, holders) =>
        new PluginUpdateService({
          targets,
          installability,
          catalogue,
          installed,
          urls,
          wordpress,
          health,
          holders,
        }),
    ),
    provideFactory(
      PluginUninstallationService,
      [PluginActionTargets, InstancePluginRecords, InstalledPluginDao, CataloguePluginDao, WordPressClient],
      (targets, holders, installed, catalogue, wordpress) =>
        new PluginUninstallationService({ targets, holders, installed, catalogue, wordpress }),
    ),
    provideClass(PluginInstallationHandler, [PluginInstallationService, PluginFailureRecorder]),
    provideClass(PluginUpdateHandler, [PluginUpdateService, PluginFailureRecorder]),
    provideClass(PluginUninstallationHandler, [PluginUninstallationService, PluginFailureRecorder]),
  ],
  exports: PLUGIN_ACTION_HANDLERS,
})
export class PluginActionsModule {}
