import type { FastifyInstance, FastifyReply } from 'fastify';
import { CataloguePluginDao, TemplateDao } from '@bbws/data-access-catalogue';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { InstanceDao } from '@bbws/data-access-instances';
import { OperationDao, ResourceLockReader, WebhookDao } from '@bbws/data-access-operations';
import { SiteDao } from '@bbws/data-access-sites';
import { TenantDao } from '@bbws/data-access-tenants';
import type { OperationLauncher } from '@bbws/platform-operations';
import { MESSAGES } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import type { ApiService } from './api-services';

/**
 * The bare handlers the APIs are measured against: for each measured route, the same DynamoDB (and SQS)
 * calls through the same DAOs, operation launcher and client factories, and nothing else: no Nest, no
 * auth, no validation, no logging, no presenter. A missing item is a 404 so a broken seed shows as non-2xx.
 */
export interface BareDependencies {
  db: DynamoContext;
  launcher: OperationLauncher;
}

type Params = Record<string, string>;
type Body = Record<string, unknown>;

const BARE_ACTOR = 'bare-handler';

function notFound(reply: FastifyReply) {
  return reply.status(404).send({ error: 'not found' });
}

export function registerBareRoutes(app: FastifyInstance, service: ApiService, deps: BareDependencies): void {
  const { db, launcher } = deps;
  const locks = new ResourceLockReader(db);
  switch (service) {
    case 'tenants-api': {
      const tenants = new TenantDao(db, { auditRetentionDays: 365 });
      app.get<{ Params: Params }>('/v1.0/tenants/:tenantId', async (request, reply) => {
        const { tenantId } = request.params;
        const [tenant, lock] = await Promise.all([tenants.get(tenantId), locks.find(tenantId)]);
        if (!tenant) return notFound(reply);
        return { ...tenant, activeOperationId: lock?.operationId ?? null };
      });
      app.patch<{ Params: Params; Body: Body }>('/v1.0/tenants/:tenantId', async (request, reply) => {
        const current = await tenants.get(request.params.tenantId);
        if (!current) return notFound(reply);
        const now = new Date().toISOString();
        const changes = { contactEmail: String(request.body.contactEmail) };
        return tenants.update(current, current.version, changes, BARE_ACTOR, {
          eventId: newId('evt'),
          tenantId: current.tenantId,
          timestamp: now,
          actor: BARE_ACTOR,
          action: 'TENANT_UPDATED',
          details: { fields: Object.keys(changes) },
        });
      });
      return;
    }
    case 'instances-api': {
      const instances = new InstanceDao(db);
      const path = '/v1.0/tenants/:tenantId/instances/:instanceId';
      app.get<{ Params: Params }>(path, async (request, reply) => {
        const instance = await instances.getInTenant(request.params.tenantId, request.params.instanceId);
        if (!instance) return notFound(reply);
        const lock = await locks.find(instance.instanceId);
        return { ...instance, activeOperationId: lock?.operationId ?? null };
      });
      app.put<{ Params: Params; Body: Body }>(`${path}/size`, async (request, reply) => {
        const instance = await instances.getInTenant(request.params.tenantId, request.params.instanceId);
        if (!instance) return notFound(reply);
        const desiredCount = Number(request.body.desiredCount);
        const operation = await launcher.launch({
          contract: MESSAGES.INSTANCE_SCALE,
          tenantId: instance.tenantId,
          resourceType: 'instance',
          resourceId: instance.instanceId,
          createdBy: BARE_ACTOR,
          correlationId: String(request.id),
          payload: { instanceId: instance.instanceId, environment: instance.environment, desiredCount },
          extra: instances.changeWrites(instance, {
            expectedVersion: instance.version,
            expectedStatuses: ['ACTIVE'],
            changes: { status: 'SCALING' },
          }),
        });
        return reply.status(202).send(operation);
      });
      return;
    }
    case 'sites-api': {
      const sites = new SiteDao(db);
      const path = '/v1.0/tenants/:tenantId/sites/:siteId';
      app.get<{ Params: Params }>(path, async (request, reply) => {
        const site = await sites.get(request.params.tenantId, request.params.siteId);
        if (!site) return notFound(reply);
        const lock = await locks.find(site.siteId);
        return { ...site, activeOperationId: lock?.operationId ?? null };
      });
      app.patch<{ Params: Params; Body: Body }>(path, async (request, reply) => {
        const site = await sites.get(request.params.tenantId, request.params.siteId);
        if (!site) return notFound(reply);
        const lock = await locks.find(site.siteId);
        if (lock) return reply.status(409).send({ error: 'locked' });
        const operation = await launcher.launch({
          contract: MESSAGES.SITE_UPDATE,
          tenantId: site.tenantId,
          resourceType: 'site',
          resourceId: site.siteId,
          createdBy: BARE_ACTOR,
          correlationId: String(request.id),
          payload: { siteId: site.siteId, siteName: String(request.body.siteName) },
          extra: sites.changeWrites(site, {
            expectedVersion: site.version,
            expectedStatuses: ['ACTIVE'],
            changes: {},
          }),
        });
        return reply.status(202).send(operation);
      });
      return;
    }
    case 'templates-api': {
      const templates = new TemplateDao(db);
      app.get<{ Params: Params }>('/v1.0/templates/:templateId', async (request, reply) => {
        return (await templates.get(request.params.templateId)) ?? notFound(reply);
      });
      app.patch<{ Params: Params; Body: Body }>(
        '/v1.0/admin/templates/:templateId',
        async (request, reply) => {
          const current = await templates.get(request.params.templateId);
          if (!current) return notFound(reply);
          return templates.replace(
            { ...current, description: String(request.body.description) },
            current.version,
          );
        },
      );
      return;
    }
    case 'plugins-api': {
      const plugins = new CataloguePluginDao(db);
      app.get<{ Params: Params }>('/v1.0/plugins/:pluginId', async (request, reply) => {
        return (await plugins.get(request.params.pluginId)) ?? notFound(reply);
      });
      app.patch<{ Params: Params; Body: Body }>('/v1.0/admin/plugins/:pluginId', async (request, reply) => {
        const current = await plugins.get(request.params.pluginId);
        if (!current) return notFound(reply);
        const plugin = { ...current, description: String(request.body.description) };
        const [written] = await plugins.replaceMany([{ plugin, expectedVersion: current.version }]);
        return written;
      });
      return;
    }
    case 'operations-api': {
      const operations = new OperationDao(db);
      const webhooks = new WebhookDao(db);
      app.get<{ Params: Params }>('/v1.0/operations/:operationId', async (request, reply) => {
        return (await operations.get(request.params.operationId)) ?? notFound(reply);
      });
      app.post<{ Params: Params; Body: Body }>('/v1.0/tenants/:tenantId/webhooks', async (request, reply) => {
        const now = new Date().toISOString();
        const webhook = {
          webhookId: newId('whk'),
          tenantId: request.params.tenantId,
          url: String(request.body.url),
          events: request.body.events as never,
          description: null,
          secret: String(request.body.secret),
          status: 'ACTIVE' as const,
          disabledReason: null,
          consecutiveFailures: 0,
          lastDeliveryAt: null,
          lastSuccessAt: null,
          createdAt: now,
          createdBy: BARE_ACTOR,
          updatedAt: now,
          updatedBy: BARE_ACTOR,
          version: 1,
        };
        await webhooks.create(webhook, 20);
        return reply.status(201).send(webhook);
      });
      return;
    }
  }
}
