import { Module, type Type } from '@nestjs/common';
import { CataloguePluginDao, TemplateDao } from '@bbws/data-access-catalogue';
import { InstanceDao, RulePriorityDao } from '@bbws/data-access-instances';
import { InstalledPluginDao, SiteDao } from '@bbws/data-access-sites';
import { COMPUTE_PORT } from '@bbws/integrations-compute';
import { INSTANCE_AGENT_ACCESS } from '@bbws/integrations-instance-agents';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { CLOCK, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import type { OperationHandler } from '@bbws/platform-operations';
import { EventPublisher } from '@bbws/platform-sqs';
import { SiteBackups } from '../site-backups/site-backups';
import { SITE_BACKUP_PROVIDERS } from '../site-backups/site-backups.providers';
import { SiteTargets } from '../sites/site-targets';
import { SiteFailureRecorder } from '../sites/site-failure.recorder';
import { SITE_WORKER_PROVIDERS } from '../sites/site-workers.providers';
import { SiteDeletionHandler } from './site-deletion.handler';
import { SiteDeletionService } from './site-deletion.service';
import { SiteHostRemover } from './site-host.remover';
import { SiteRecordsCleanup } from './site-records.cleanup';

/** SITE_DELETION on `bbws-wp-site-deletion`. */
export const SITE_DELETION_HANDLERS: Type<OperationHandler>[] = [SiteDeletionHandler];

@Module({
  providers: [
    ...SITE_WORKER_PROVIDERS,
    ...SITE_BACKUP_PROVIDERS,
    provideClass(SiteTargets, [SiteDao, InstanceDao, INSTANCE_AGENT_ACCESS]),
    provideClass(SiteHostRemover, [COMPUTE_PORT, RulePriorityDao]),
    provideClass(SiteRecordsCleanup, [InstalledPluginDao, CataloguePluginDao, TemplateDao]),
    provideFactory(
      SiteDeletionService,
      [
        SiteTargets,
        SiteDao,
        SiteBackups,
        SiteRecordsCleanup,
        SiteHostRemover,
        WordPressClient,
        INSTANCE_AGENT_ACCESS,
        EventPublisher,
        CLOCK,
      ],
      (targets, sites, backups, records, hosts, wordpress, agents, events, clock) =>
        new SiteDeletionService({
          targets,
          sites,
          backups,
          records,
          hosts,
          wordpress,
          agents,
          events,
          clock,
        }),
    ),
    provideClass(SiteDeletionHandler, [SiteDeletionService, SiteBackups, SiteFailureRecorder]),
  ],
  exports: SITE_DELETION_HANDLERS,
})
export class SiteDeletionModule {}
