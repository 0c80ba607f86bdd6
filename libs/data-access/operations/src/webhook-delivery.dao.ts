import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getItem, paginatedQuery, type DynamoContext } from '@bbws/data-access-dynamo';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { addDays, epochSeconds } from '@bbws/shared-util';
import type { DeliveryAttempt, DeliveryStatus, WebhookDelivery } from './webhook.entity';
import { webhookKeys } from './webhook.keys';
import { fromDeliveryItem, toDeliveryItem } from './webhook.mapper';

export interface WebhookDeliveryDaoOptions {
  /** Delivery log items expire after this many days (DATA.md: 30). */
  retentionDays: number;
}

/** The delivery log of a subscription (`WEBHOOK#{id}` / `DELIVERY#{createdAt}#{deliveryId}`), kept 30 days. */
export class WebhookDeliveryDao {
  constructor(
    private readonly db: DynamoContext,
    private readonly options: WebhookDeliveryDaoOptions = { retentionDays: 30 },
  ) {}

  private get table(): string {
    return this.db.tables.operations;
  }

  /** Stores a new delivery; false when it exists already (the same event fanned out twice). */
  async createIfAbsent(delivery: WebhookDelivery): Promise<boolean> {
    const ttl = epochSeconds(addDays(new Date(delivery.createdAt), this.options.retentionDays));
    try {
      await this.db.client.send(
        new PutCommand({
          TableName: this.table,
          Item: toDeliveryItem(delivery, ttl),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async get(webhookId: string, createdAt: string, deliveryId: string): Promise<WebhookDelivery | null> {
    const item = await getItem(
      this.db.client,
      this.table,
      webhookKeys.delivery(webhookId, createdAt, deliveryId),
    );
    return item ? fromDeliveryItem(item) : null;
  }

  /** Appends an attempt and moves the delivery to its new status. */
  async recordAttempt(
    delivery: Pick<WebhookDelivery, 'webhookId' | 'createdAt' | 'deliveryId'>,
    attempt: DeliveryAttempt,
    next: { status: DeliveryStatus; nextAttemptAt: string | null },
  ): Promise<void> {
    const terminal = next.status === 'SUCCEEDED' || next.status === 'FAILED';
    await this.db.client.send(
      new UpdateCommand({
        TableName: this.table,
        Key: webhookKeys.delivery(delivery.webhookId, delivery.createdAt, delivery.deliveryId),
        UpdateExpression:
          'SET #status = :status, nextAttemptAt = :next, completedAt = :completed, updatedAt = :at, ' +
          'attempts = list_append(if_not_exists(attempts, :empty), :attempt)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': next.status,
          ':next': next.nextAttemptAt,
          ':completed': terminal ? attempt.at : null,
          ':at': attempt.at,
          ':empty': [],
          ':attempt': [attempt],
        },
      }),
    );
  }

  /** Ends a delivery without an attempt (its subscription was disabled or deleted meanwhile). */
  async abandon(
    delivery: Pick<WebhookDelivery, 'webhookId' | 'createdAt' | 'deliveryId'>,
    at: string,
    reason: string,
  ): Promise<void> {
    await this.db.client.send(
      new UpdateCommand({
        TableName: this.table,
        Key: webhookKeys.delivery(delivery.webhookId, delivery.createdAt, delivery.deliveryId),
        UpdateExpression:
          'SET #status = :failed, nextAttemptAt = :null, completedAt = :at, updatedAt = :at, abandonedReason = :reason',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':failed': 'FAILED', ':null': null, ':at': at, ':reason': reason },
      }),
    );
  }

  /** A subscription's deliveries, newest first. */
  async listByWebhook(webhookId: string, page: PageRequest): Promise<Page<WebhookDelivery>> {
    const result = await paginatedQuery(this.db.client, this.db.cursors, {
      tableName: this.table,
      partition: webhookKeys.deliveryPartition(webhookId),
      sortKey: { beginsWith: webhookKeys.deliveryPrefix },
      descending: true,
      ...page,
    });
    return { items: result.items.map(fromDeliveryItem), nextStartAt: result.nextStartAt };
  }
}
