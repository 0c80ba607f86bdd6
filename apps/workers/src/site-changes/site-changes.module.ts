import { Module, type Type } from '@nestjs/common';
import { TemplateDao } from '@bbws/data-access-catalogue';
import { InstanceDao } from '@bbws/data-access-instances';
import { BackupDao, SiteDao } from '@bbws/data-access-sites';
import { INSTANCE_AGENT_ACCESS } from '@bbws/integrations-instance-agents';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { CLOCK, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import type { OperationHandler } from '@bbws/platform-operations';
import { SITE_BACKUP_PROVIDERS } from '../site-backups/site-backups.providers';
import { SiteBackups } from '../site-backups/site-backups';
import { SitePackageUrls } from '../sites/site-package.urls';
import { SitePlugins } from '../sites/site-plugins';
import { SITE_WORKER_PROVIDERS } from '../sites/site-workers.providers';
import { BackupHandler } from './backup.handler';
import { RestoreHandler } from './restore.handler';
import { SiteBackupOperations } from './site-backup.operations';
import { SiteChangeFailures } from './site-change-failures';
import { SiteSettingsService } from './site-settings.service';
import { SiteStatusHandler } from './site-status.handler';
import { SiteStatusService } from './site-status.service';
import { SiteTargets } from '../sites/site-targets';
import { SiteTemplateApplier } from '../sites/site-template.applier';
import { SiteUpdateHandler } from './site-update.handler';
import { TemplateApplicationHandler } from './template-application.handler';
import { TemplateApplicationService } from './template-application.service';

/** SITE_UPDATE, SITE_STATUS_CHANGE, TEMPLATE_APPLICATION, BACKUP and RESTORE on `bbws-wp-site-update`. */
export const SITE_CHANGE_HANDLERS: Type<OperationHandler>[] = [
  SiteUpdateHandler,
  SiteStatusHandler,
  TemplateApplicationHandler,
  BackupHandler,
  RestoreHandler,
];

@Module({
  providers: [
    ...SITE_WORKER_PROVIDERS,
    ...SITE_BACKUP_PROVIDERS,
    provideClass(SiteTargets, [SiteDao, InstanceDao, INSTANCE_AGENT_ACCESS]),
    provideClass(SiteChangeFailures, [SiteDao, CLOCK]),
    provideFactory(
      SiteTemplateApplier,
      [TemplateDao, SitePlugins, SitePackageUrls, WordPressClient],
      (templates, plugins, urls, wordpress) =>
        new SiteTemplateApplier({ templates, plugins, urls, wordpress }),
    ),
    provideClass(SiteSettingsService, [SiteTargets, SiteDao, WordPressClient]),
    provideClass(SiteStatusService, [SiteTargets, SiteDao, WordPressClient]),
    provideClass(TemplateApplicationService, [SiteTargets, SiteDao, TemplateDao, SiteTemplateApplier]),
    provideClass(SiteBackupOperations, [SiteTargets, BackupDao, SiteBackups]),
    provideClass(SiteUpdateHandler, [SiteSettingsService, SiteChangeFailures]),
    provideClass(SiteStatusHandler, [SiteStatusService, SiteChangeFailures]),
    provideClass(TemplateApplicationHandler, [TemplateApplicationService, SiteChangeFailures]),
    provideClass(BackupHandler, [SiteBackupOperations, SiteBackups, SiteChangeFailures]),
    provideClass(RestoreHandler, [SiteBackupOperations, SiteBackups, SiteChangeFailures]),
  ],
  exports: SITE_CHANGE_HANDLERS,
})
export class SiteChangesModule {}
