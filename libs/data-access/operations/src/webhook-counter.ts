import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getItem, type DynamoContext, type TransactItem } from '@bbws/data-access-dynamo';
import { webhookKeys } from './webhook.keys';

/**
 * The number of a tenant's subscriptions (`TENANT#{t}` / `WEBHOOKCOUNT`), changed in the same
 * transaction as each create and delete, so the per-tenant limit holds under parallel creates.
 */
export class WebhookCounter {
  constructor(private readonly db: DynamoContext) {}

  private get table(): string {
    return this.db.tables.operations;
  }

  /** Subscriptions stored through a direct Query count (stored before the counter, too). */
  async countStored(tenantId: string): Promise<number> {
    const { Count } = await this.db.client.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': webhookKeys.tenantPartition(tenantId),
          ':prefix': webhookKeys.webhookPrefix,
        },
        Select: 'COUNT',
      }),
    );
    return Count ?? 0;
  }

  /**
   * Creates the counter from the stored subscriptions when the tenant has none yet (tenants whose
   * subscriptions predate it). Safe in parallel: every change needs the counter, so none can land
   * between the count and the first put, and a losing put leaves the winner's.
   */
  async ensure(tenantId: string): Promise<void> {
    const key = webhookKeys.counter(tenantId);
    if (await getItem(this.db.client, this.table, key)) return;
    const count = await this.countStored(tenantId);
    const now = this.db.clock.now().toISOString();
    try {
      await this.db.client.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...key,
            entityType: 'WEBHOOK_COUNTER',
            schemaVersion: 1,
            tenantId,
            count,
            createdAt: now,
            updatedAt: now,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  /** +1 while the tenant is below `limit`; its condition fails at the limit. */
  increment(tenantId: string, limit: number): TransactItem {
    return this.change(tenantId, 1, { expression: '#count < :limit', values: { ':limit': limit } });
  }

  decrement(tenantId: string): TransactItem {
    return this.change(tenantId, -1);
  }

  private change(
    tenantId: string,
    delta: number,
    condition?: { expression: string; values: Record<string, unknown> },
  ): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: webhookKeys.counter(tenantId),
        UpdateExpression: 'SET updatedAt = :now ADD #count :delta',
        ConditionExpression: ['attribute_exists(PK)', ...(condition ? [condition.expression] : [])].join(
          ' AND ',
        ),
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: {
          ':now': this.db.clock.now().toISOString(),
          ':delta': delta,
          ...condition?.values,
        },
      },
    };
  }
}
