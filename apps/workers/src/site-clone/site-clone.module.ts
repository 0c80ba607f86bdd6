import { Module, type Type } from '@nestjs/common';
import { TemplateDao } from '@bbws/data-access-catalogue';
import { OperationDao } from '@bbws/data-access-operations';
import { SiteDao } from '@bbws/data-access-sites';
import { provideClass, provideFactory } from '@bbws/platform-bootstrap';
import type { OperationHandler } from '@bbws/platform-operations';
import { EventPublisher } from '@bbws/platform-sqs';
import { SiteFailureRecorder } from '../sites/site-failure.recorder';
import { SiteHostRouter } from '../sites/site-host.router';
import { SiteNetwork } from '../sites/site-network';
import { SiteCloneHandler } from './site-clone.handler';
import { SiteCloneService } from './site-clone.service';
import { SITE_COPY_PROVIDERS } from './site-copy.providers';
import { SitePackageCopies } from './site-package.copies';
import { SiteTransfer } from './site-transfer';

/** SITE_CLONE on `bbws-wp-site-creation`. */
export const SITE_CLONE_HANDLERS: Type<OperationHandler>[] = [SiteCloneHandler];

@Module({
  providers: [
    ...SITE_COPY_PROVIDERS,
    provideFactory(
      SiteCloneService,
      [
        SiteNetwork,
        SiteTransfer,
        SitePackageCopies,
        SiteDao,
        TemplateDao,
        SiteHostRouter,
        EventPublisher,
        OperationDao,
      ],
      (network, transfer, copies, sites, templates, router, events, history) =>
        new SiteCloneService({ network, transfer, copies, sites, templates, router, events, history }),
    ),
    provideClass(SiteCloneHandler, [SiteCloneService, SiteFailureRecorder, SiteTransfer]),
  ],
  exports: SITE_CLONE_HANDLERS,
})
export class SiteCloneModule {}
