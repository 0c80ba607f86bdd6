import { Module } from '@nestjs/common';
import { WebhookDao, WebhookDeliveryDao } from '@bbws/data-access-operations';
import { TenantAccessService } from '@bbws/platform-auth';
import {
  CLOCK,
  DYNAMO_CONTEXT,
  PLATFORM_CONFIG,
  provideClass,
  provideFactory,
} from '@bbws/platform-bootstrap';
import { allowsLocalWebhookTargets } from '../config/operations-api.config';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Module({
  controllers: [WebhooksController],
  providers: [
    provideClass(WebhookDao, [DYNAMO_CONTEXT]),
    provideClass(WebhookDeliveryDao, [DYNAMO_CONTEXT]),
    provideFactory(
      WebhooksService,
      [WebhookDao, WebhookDeliveryDao, TenantAccessService, PLATFORM_CONFIG, CLOCK],
      (webhooks, deliveries, access, config, clock) =>
        new WebhooksService(
          webhooks,
          deliveries,
          access,
          { allowLocalTargets: allowsLocalWebhookTargets(config) },
          clock,
        ),
    ),
  ],
})
export class WebhooksModule {}
