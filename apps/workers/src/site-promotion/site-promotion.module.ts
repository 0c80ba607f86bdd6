import { Module, type Type } from '@nestjs/common';
import { TemplateDao } from '@bbws/data-access-catalogue';
import { BackupDao, SiteDao } from '@bbws/data-access-sites';
import { provideClass, provideFactory } from '@bbws/platform-bootstrap';
import type { OperationHandler } from '@bbws/platform-operations';
import { EventPublisher } from '@bbws/platform-sqs';
import { SiteBackups } from '../site-backups/site-backups';
import { SITE_BACKUP_PROVIDERS } from '../site-backups/site-backups.providers';
import { SITE_COPY_PROVIDERS } from '../site-clone/site-copy.providers';
import { SitePackageCopies } from '../site-clone/site-package.copies';
import { SiteTransfer } from '../site-clone/site-transfer';
import { SiteFailureRecorder } from '../sites/site-failure.recorder';
import { SiteHostRouter } from '../sites/site-host.router';
import { SiteNetwork } from '../sites/site-network';
import { SitePromotionHandler } from './site-promotion.handler';
import { SitePromotionService } from './site-promotion.service';

/** SITE_PROMOTION on `bbws-wp-site-update`. */
export const SITE_PROMOTION_HANDLERS: Type<OperationHandler>[] = [SitePromotionHandler];

@Module({
  providers: [
    ...SITE_COPY_PROVIDERS,
    ...SITE_BACKUP_PROVIDERS,
    provideFactory(
      SitePromotionService,
      [
        SiteNetwork,
        SiteTransfer,
        SitePackageCopies,
        SiteBackups,
        BackupDao,
        SiteDao,
        TemplateDao,
        SiteHostRouter,
        EventPublisher,
      ],
      (network, transfer, copies, backups, backupRecords, sites, templates, router, events) =>
        new SitePromotionService({
          network,
          transfer,
          copies,
          backups,
          backupRecords,
          sites,
          templates,
          router,
          events,
        }),
    ),
    provideClass(SitePromotionHandler, [
      SitePromotionService,
      SiteFailureRecorder,
      SiteBackups,
      SiteTransfer,
    ]),
  ],
  exports: SITE_PROMOTION_HANDLERS,
})
export class SitePromotionModule {}
