import type {
  Webhook,
  WebhookChanges,
  WebhookDao,
  WebhookDelivery,
  WebhookDeliveryDao,
} from '@bbws/data-access-operations';
import type { Caller, TenantAccessService } from '@bbws/platform-auth';
import { assertWebhookTarget, type WebhookTargetPolicy } from '@bbws/integrations-webhook-http';
import type { WebhookEventType } from '@bbws/shared-contracts';
import {
  AlreadyExistsError,
  BusinessRuleError,
  ConcurrentChangeError,
  ConflictError,
  ItemMissingError,
  LimitReachedError,
  NotFoundError,
  PreconditionFailedError,
  VersionConflictError,
} from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { newId, type Clock } from '@bbws/shared-util';

export interface CreateWebhookInput {
  url: string;
  events: WebhookEventType[];
  secret: string;
  description?: string;
}

export type UpdateWebhookInput = Partial<CreateWebhookInput> & { enabled?: boolean };

/** At most this many subscriptions per tenant. */
export const MAX_WEBHOOKS_PER_TENANT = 20;

/** Webhook subscriptions of a tenant; tenant ADMINs (and platform admins) only. */
export class WebhooksService {
  constructor(
    private readonly webhooks: Pick<WebhookDao, 'create' | 'get' | 'listByTenant' | 'update' | 'delete'>,
    private readonly deliveries: Pick<WebhookDeliveryDao, 'listByWebhook'>,
    private readonly access: TenantAccessService,
    private readonly policy: WebhookTargetPolicy,
    private readonly clock: Clock,
  ) {}

  async list(caller: Caller, tenantId: string, page: PageRequest): Promise<Page<Webhook>> {
    await this.access.require(caller, tenantId, ['ADMIN']);
    return this.webhooks.listByTenant(tenantId, page);
  }

  async create(caller: Caller, tenantId: string, input: CreateWebhookInput): Promise<Webhook> {
    await this.access.require(caller, tenantId, ['ADMIN']);
    await assertWebhookTarget(input.url, this.policy);
    const now = this.clock.now().toISOString();
    const webhook: Webhook = {
      webhookId: newId('whk'),
      tenantId,
      url: input.url,
      events: input.events,
      description: input.description ?? null,
      secret: input.secret,
      status: 'ACTIVE',
      disabledReason: null,
      consecutiveFailures: 0,
      lastDeliveryAt: null,
      lastSuccessAt: null,
      createdAt: now,
      createdBy: caller.userId,
      updatedAt: now,
      updatedBy: caller.userId,
      version: 1,
    };
    await this.webhooks.create(webhook, MAX_WEBHOOKS_PER_TENANT).catch(rethrowAsAppError);
    return webhook;
  }

  async get(caller: Caller, tenantId: string, webhookId: string): Promise<Webhook> {
    await this.access.require(caller, tenantId, ['ADMIN']);
    return this.load(tenantId, webhookId);
  }

  async update(
    caller: Caller,
    tenantId: string,
    webhookId: string,
    input: UpdateWebhookInput,
    ifMatch?: number,
  ): Promise<Webhook> {
    await this.access.require(caller, tenantId, ['ADMIN']);
    const current = await this.load(tenantId, webhookId);
    if (input.url !== undefined && input.url !== current.url)
      await assertWebhookTarget(input.url, this.policy);
    const changes: WebhookChanges = {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.events !== undefined ? { events: input.events } : {}),
      ...(input.secret !== undefined ? { secret: input.secret } : {}),
      ...(input.description !== undefined ? { description: input.description || null } : {}),
      ...(input.enabled === true
        ? { status: 'ACTIVE' as const, disabledReason: null, consecutiveFailures: 0 }
        : {}),
      ...(input.enabled === false
        ? { status: 'DISABLED' as const, disabledReason: `Disabled by ${caller.userId}` }
        : {}),
    };
    return this.webhooks
      .update(current, ifMatch ?? current.version, changes, caller.userId)
      .catch(rethrowAsAppError);
  }

  async remove(caller: Caller, tenantId: string, webhookId: string, ifMatch?: number): Promise<void> {
    await this.access.require(caller, tenantId, ['ADMIN']);
    const current = await this.load(tenantId, webhookId);
    await this.webhooks.delete(current, ifMatch ?? current.version).catch(rethrowAsAppError);
  }

  async listDeliveries(
    caller: Caller,
    tenantId: string,
    webhookId: string,
    page: PageRequest,
  ): Promise<Page<WebhookDelivery>> {
    await this.access.require(caller, tenantId, ['ADMIN']);
    await this.load(tenantId, webhookId);
    return this.deliveries.listByWebhook(webhookId, page);
  }

  private async load(tenantId: string, webhookId: string): Promise<Webhook> {
    const webhook = await this.webhooks.get(tenantId, webhookId);
    if (!webhook) throw new NotFoundError('WEBHOOK', webhookId);
    return webhook;
  }
}

/** What the store's findings mean on this API (codes and statuses as documented). */
function rethrowAsAppError(error: unknown): never {
  if (error instanceof LimitReachedError) {
    throw new BusinessRuleError('WEBHOOK_LIMIT', `A tenant can have at most ${error.limit} webhooks`, {
      limit: error.limit,
    });
  }
  if (error instanceof VersionConflictError) throw new PreconditionFailedError(error.expected, error.current);
  if (error instanceof ItemMissingError) throw new NotFoundError('WEBHOOK', error.id);
  if (error instanceof AlreadyExistsError)
    throw new ConflictError('CONFLICT', `Webhook ${error.id} already exists`);
  if (error instanceof ConcurrentChangeError)
    throw new ConflictError('CONFLICT', 'The webhook count changed meanwhile');
  throw error;
}
