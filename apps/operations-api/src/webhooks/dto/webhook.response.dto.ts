import { ApiProperty } from '@nestjs/swagger';
import {
  DELIVERY_STATUSES,
  WEBHOOK_STATUSES,
  type DeliveryStatus,
  type WebhookStatus,
} from '@bbws/data-access-operations';
import { WEBHOOK_EVENT_TYPES, type WebhookEventBody, type WebhookEventType } from '@bbws/shared-contracts';
import { PageResponseDto } from '@bbws/platform-http';
import type { Links } from '@bbws/shared-hateoas';

/** A subscription; its secret is write-only and never part of it. */
export class WebhookResponseDto {
  @ApiProperty({ example: 'whk-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' }) webhookId!: string;
  @ApiProperty() tenantId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events!: WebhookEventType[];
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ enum: WEBHOOK_STATUSES }) status!: WebhookStatus;
  @ApiProperty({ nullable: true, type: String }) disabledReason!: string | null;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ nullable: true, type: String }) lastDeliveryAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastSuccessAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}

export class WebhookListResponseDto extends PageResponseDto(WebhookResponseDto) {}

export class DeliveryAttemptResponseDto {
  @ApiProperty() attempt!: number;
  @ApiProperty() at!: string;
  @ApiProperty({ nullable: true, type: Number }) statusCode!: number | null;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}

export class WebhookDeliveryResponseDto {
  @ApiProperty({ example: 'dlv-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' }) deliveryId!: string;
  @ApiProperty() webhookId!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) eventType!: WebhookEventType;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty({ type: [DeliveryAttemptResponseDto] }) attempts!: DeliveryAttemptResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The body that was (or is being) delivered',
  })
  event!: WebhookEventBody;
}

export class WebhookDeliveryListResponseDto extends PageResponseDto(WebhookDeliveryResponseDto) {}
