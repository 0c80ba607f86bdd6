import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  TransactionBuilder,
  paginatedQuery,
  versionedUpdate,
  type DynamoContext,
  type StoredItem,
  getItem,
} from '@bbws/data-access-dynamo';
import {
  AlreadyExistsError,
  ConcurrentChangeError,
  ItemMissingError,
  LimitReachedError,
  VersionConflictError,
} from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { WebhookCounter } from './webhook-counter';
import type { Webhook } from './webhook.entity';
import { webhookKeys } from './webhook.keys';
import { fromWebhookItem, toWebhookItem } from './webhook.mapper';

export type WebhookChanges = Partial<
  Pick<
    Webhook,
    'url' | 'events' | 'description' | 'secret' | 'status' | 'disabledReason' | 'consecutiveFailures'
  >
>;

/** Webhook subscriptions, kept under their tenant's partition (`TENANT#{t}` / `WEBHOOK#{id}`). */
export class WebhookDao {
  private readonly counter: WebhookCounter;

  constructor(private readonly db: DynamoContext) {
    this.counter = new WebhookCounter(db);
  }

  private get table(): string {
    return this.db.tables.operations;
  }

  /** Stores a subscription unless its tenant already has `limit` (`LimitReachedError` WEBHOOKS), atomically. */
  async create(webhook: Webhook, limit: number): Promise<void> {
    await this.counter.ensure(webhook.tenantId);
    await new TransactionBuilder()
      .add(this.counter.increment(webhook.tenantId, limit), () => new LimitReachedError('WEBHOOKS', limit))
      .add(
        {
          Put: {
            TableName: this.table,
            Item: toWebhookItem(webhook),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        () => new AlreadyExistsError('WEBHOOK', webhook.webhookId),
      )
      .commit(this.db.client);
  }

  async get(tenantId: string, webhookId: string): Promise<Webhook | null> {
    const item = await getItem(this.db.client, this.table, webhookKeys.webhook(tenantId, webhookId));
    return item ? fromWebhookItem(item) : null;
  }

  async listByTenant(tenantId: string, page: PageRequest): Promise<Page<Webhook>> {
    const result = await paginatedQuery(this.db.client, this.db.cursors, {
      tableName: this.table,
      partition: webhookKeys.tenantPartition(tenantId),
      sortKey: { beginsWith: webhookKeys.webhookPrefix },
      ...page,
    });
    return { items: result.items.map(fromWebhookItem), nextStartAt: result.nextStartAt };
  }

  /** Every subscription of a tenant (a tenant has few; the dispatcher fans events out to them). */
  async listAllByTenant(tenantId: string): Promise<Webhook[]> {
    const all: Webhook[] = [];
    let startAt: string | undefined;
    do {
      const page = await this.listByTenant(tenantId, { pageSize: 100, ...(startAt ? { startAt } : {}) });
      all.push(...page.items);
      startAt = page.nextStartAt ?? undefined;
    } while (startAt);
    return all;
  }

  countByTenant(tenantId: string): Promise<number> {
    return this.counter.countStored(tenantId);
  }

  /** Applies changes if the subscription is still at `expectedVersion`; returns it as written. */
  async update(
    current: Webhook,
    expectedVersion: number,
    changes: WebhookChanges,
    actor: string,
  ): Promise<Webhook> {
    const now = this.db.clock.now().toISOString();
    const { Update } = versionedUpdate({
      tableName: this.table,
      key: webhookKeys.webhook(current.tenantId, current.webhookId),
      set: { ...changes, updatedAt: now, updatedBy: actor },
      expectedVersion,
    });
    await this.send(Update, current, expectedVersion);
    return { ...current, ...changes, updatedAt: now, updatedBy: actor, version: expectedVersion + 1 };
  }

  /** Deletes the subscription if still at `expectedVersion`, freeing its slot in the same transaction. */
  async delete(current: Webhook, expectedVersion: number): Promise<void> {
    await this.counter.ensure(current.tenantId);
    await new TransactionBuilder()
      .add(
        {
          Delete: {
            TableName: this.table,
            Key: webhookKeys.webhook(current.tenantId, current.webhookId),
            ConditionExpression: 'attribute_exists(PK) AND #version = :version',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':version': expectedVersion },
          },
        },
        () => new VersionConflictError(expectedVersion),
      )
      .add(this.counter.decrement(current.tenantId), () => new ConcurrentChangeError('WEBHOOK_COUNT'))
      .commit(this.db.client);
  }

  /** A delivery attempt succeeded: the failure streak ends. Bookkeeping, so the version stays. */
  async recordSuccess(tenantId: string, webhookId: string, at: string): Promise<void> {
    await this.bookkeeping(
      tenantId,
      webhookId,
      'SET consecutiveFailures = :zero, lastDeliveryAt = :at, lastSuccessAt = :at',
      {
        ':zero': 0,
        ':at': at,
      },
    );
  }

  /**
   * A delivery attempt failed: the streak grows, and at `disableAfter` consecutive failures the
   * subscription is disabled. Returns whether it is disabled now.
   */
  async recordFailure(
    tenantId: string,
    webhookId: string,
    at: string,
    disableAfter: number,
  ): Promise<{ disabled: boolean }> {
    const item = await this.bookkeeping(
      tenantId,
      webhookId,
      'SET lastDeliveryAt = :at ADD consecutiveFailures :one',
      {
        ':at': at,
        ':one': 1,
      },
    );
    if (!item) return { disabled: true };
    const webhook = fromWebhookItem(item);
    if (webhook.status === 'DISABLED') return { disabled: true };
    if (webhook.consecutiveFailures < disableAfter) return { disabled: false };
    const { Update } = versionedUpdate({
      tableName: this.table,
      key: webhookKeys.webhook(tenantId, webhookId),
      set: {
        status: 'DISABLED',
        disabledReason: `Disabled after ${webhook.consecutiveFailures} consecutive failed deliveries`,
        updatedAt: at,
        updatedBy: 'system',
      },
      condition: {
        expression: '#status = :active',
        names: { '#status': 'status' },
        values: { ':active': 'ACTIVE' },
      },
    });
    try {
      await this.db.client.send(new UpdateCommand(Update));
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    return { disabled: true };
  }

  private async bookkeeping(
    tenantId: string,
    webhookId: string,
    expression: string,
    values: Record<string, unknown>,
  ): Promise<StoredItem | null> {
    try {
      const { Attributes } = await this.db.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: webhookKeys.webhook(tenantId, webhookId),
          UpdateExpression: expression,
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ?? null;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      throw error;
    }
  }

  private async send(update: UpdateCommandInput, current: Webhook, expectedVersion: number): Promise<void> {
    try {
      await this.db.client.send(new UpdateCommand(update));
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const now = await this.get(current.tenantId, current.webhookId);
      if (!now) throw new ItemMissingError('WEBHOOK', current.webhookId);
      throw new VersionConflictError(expectedVersion, now.version);
    }
  }
}
