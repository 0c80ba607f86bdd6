import { Module } from '@nestjs/common';
import { SiteDao } from '@bbws/data-access-sites';
import { CLOCK, DYNAMO_CONTEXT, LOGGER, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import { OperationLauncher } from '@bbws/platform-operations';
import { WORKERS_CONFIG } from '../workers.tokens';
import { SitePurgeTask } from './site-purge.task';

/** The purge of soft-deleted PROD sites, run periodically. */
@Module({
  providers: [
    provideClass(SiteDao, [DYNAMO_CONTEXT]),
    provideFactory(
      SitePurgeTask,
      [SiteDao, OperationLauncher, CLOCK, LOGGER, WORKERS_CONFIG],
      (sites, launcher, clock, logger, config) =>
        new SitePurgeTask(sites, launcher, clock, logger, config.workers.sitePurge),
    ),
  ],
  exports: [SitePurgeTask],
})
export class SitePurgeModule {}
