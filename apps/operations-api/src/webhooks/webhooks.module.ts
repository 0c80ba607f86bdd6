import { Module } from '@nestjs/common';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { WebhookDao, WebhookDeliveryDao } from '@bbws/data-access-operations';
import { TenantAccessService } from '@bbws/platform-auth';
import { CLOCK, DYNAMO_CONTEXT, PLATFORM_CONFIG, type PlatformConfig } from '@bbws/platform-bootstrap';
import type { Clock } from '@bbws/shared-util';
import { allowsLocalWebhookTargets } from '../config/operations-api.config';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Module({
  controllers: [WebhooksController],
  providers: [
    { provide: WebhookDao, useFactory: (db: DynamoContext) => new WebhookDao(db), inject: [DYNAMO_CONTEXT] },
    {
      provide: WebhookDeliveryDao,
      useFactory: (db: DynamoContext) => new WebhookDeliveryDao(db),
      inject: [DYNAMO_CONTEXT],
    },
    {
      provide: WebhooksService,
      useFactory: (
        webhooks: WebhookDao,
        deliveries: WebhookDeliveryDao,
        access: TenantAccessService,
        config: PlatformConfig,
        clock: Clock,
      ) =>
        new WebhooksService(
          webhooks,
          deliveries,
          access,
          { allowLocalTargets: allowsLocalWebhookTargets(config) },
          clock,
        ),
      inject: [WebhookDao, WebhookDeliveryDao, TenantAccessService, PLATFORM_CONFIG, CLOCK],
    },
  ],
})
export class WebhooksModule {}
