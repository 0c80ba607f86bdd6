import { randomBytes, randomUUID } from 'node:crypto';
import { CataloguePluginDao, TemplateDao, type Template } from '@bbws/data-access-catalogue';
import {
  createDocumentClient,
  createDynamoClient,
  ensureTables,
  extraWritesContents,
  type DynamoContext,
  type ExtraWrites,
  type TableKey,
  type TableNames,
} from '@bbws/data-access-dynamo';
import { InstanceDao } from '@bbws/data-access-instances';
import { OperationDao } from '@bbws/data-access-operations';
import { SiteDao } from '@bbws/data-access-sites';
import { TenantDao } from '@bbws/data-access-tenants';
import { CursorCodec } from '@bbws/shared-hateoas';
import { newId, systemClock } from '@bbws/shared-util';
import { buildInstance } from '@bbws/testing-instances';
import {
  TableProbe,
  buildAuditEvent,
  buildCataloguePlugin,
  buildMember,
  buildOperation,
  buildTenant,
  seedMemberships,
} from '@bbws/testing-factories';
import { buildSite } from '@bbws/testing-sites';

/** What the measured requests of every service read and write, seeded with the DAOs before any load. */
export interface ApiFixtures {
  /** The member (tenant ADMIN) whose token reads and writes tenant resources. */
  memberId: string;
  tenantId: string;
  instanceId: string;
  siteId: string;
  publishedTemplateId: string;
  pluginId: string;
  operationId: string;
  /** Leased one request at a time (twice the connections): a PATCH without If-Match never races another. */
  writableTenantIds: string[];
  writableTemplateIds: string[];
  writablePluginIds: string[];
}

export function benchDynamoContext(endpoint: string, tables: TableNames): DynamoContext {
  return {
    client: createDocumentClient(createDynamoClient({ region: 'us-east-1', endpoint })),
    tables,
    cursors: new CursorCodec(randomBytes(16).toString('hex')),
    clock: systemClock,
  };
}

export async function createBenchTables(endpoint: string, tables: TableNames): Promise<void> {
  await ensureTables(createDynamoClient({ region: 'us-east-1', endpoint }), tables);
}

function buildTemplate(status: Template['status']): Template {
  const now = new Date().toISOString();
  return {
    templateId: newId('tpl'),
    name: `Bench ${randomUUID().slice(0, 8)}`,
    description: 'A template of the api bench',
    category: 'BUSINESS',
    templateVersion: '1.0.0',
    status,
    theme: { slug: 'twentytwentythree', packageArtifact: null },
    plugins: [],
    options: { blogdescription: 'Bench' },
    pages: [
      { title: 'Home', slug: 'home', content: '<!-- wp:paragraph --><p>Home</p><!-- /wp:paragraph -->' },
    ],
    screenshots: [],
    demoUrl: null,
    minWordPressVersion: '6.0',
    usageCount: 0,
    clonedFromTemplateId: null,
    publishedAt: status === 'PUBLISHED' ? now : null,
    createdAt: now,
    createdBy: 'bench',
    updatedAt: now,
    version: 1,
  };
}

export async function seedFixtures(db: DynamoContext, connections: number): Promise<ApiFixtures> {
  const writable = connections * 2;
  const tenants = new TenantDao(db, { auditRetentionDays: 30 });
  const templates = new TemplateDao(db);
  const plugins = new CataloguePluginDao(db);
  const memberId = randomUUID();
  const seedTenant = async () => {
    const tenant = buildTenant();
    await tenants.create(tenant, buildAuditEvent({ tenantId: tenant.tenantId }));
    return tenant.tenantId;
  };
  const tenantId = await seedTenant();
  const writableTenantIds = await Promise.all(Array.from({ length: writable }, seedTenant));
  await seedMemberships(
    db,
    [tenantId, ...writableTenantIds].map((id) =>
      buildMember({ tenantId: id, userId: memberId, role: 'ADMIN' }),
    ),
  );

  const instance = buildInstance({ tenantId, status: 'ACTIVE', environment: 'DEV', runningCount: 1 });
  await new InstanceDao(db).create(instance);
  const site = buildSite({ tenantId, instanceId: instance.instanceId, status: 'ACTIVE' });
  await new SiteDao(db).create(site, 1_000_000);

  const published = buildTemplate('PUBLISHED');
  const drafts = Array.from({ length: writable }, () => buildTemplate('DRAFT'));
  for (const template of [published, ...drafts]) await templates.create(template);
  const catalogue = Array.from({ length: writable + 1 }, () => buildCataloguePlugin());
  for (const plugin of catalogue) await plugins.create(plugin);

  const operation = buildOperation({
    tenantId,
    type: 'SITE_UPDATE',
    resourceType: 'site',
    resourceId: newId('site'),
  });
  await new OperationDao(db).createWithLock(operation);

  return {
    memberId,
    tenantId,
    instanceId: instance.instanceId,
    siteId: site.siteId,
    publishedTemplateId: published.templateId,
    pluginId: catalogue[0].pluginId,
    operationId: operation.operationId,
    writableTenantIds,
    writableTemplateIds: drafts.map((template) => template.templateId),
    writablePluginIds: catalogue.slice(1).map((plugin) => plugin.pluginId),
  };
}

/** Parallel BatchWrite callers while seeding a pool. */
const SEED_WRITERS = 4;

/**
 * Stores the new items a DAO would create (its `createWrites`) with BatchWrite: a pool of fresh resources,
 * one per request of a 202 write (each takes its resource's operation lock). Counters and guards a pool
 * item does not need (a tenant's site count) are left out.
 */
export async function putCreatedItems(
  db: DynamoContext,
  table: TableKey,
  writes: ExtraWrites[],
): Promise<void> {
  const tableName = db.tables[table];
  const items = writes.flatMap((write) =>
    extraWritesContents(write)
      .items.filter((item) => item.Put?.TableName === tableName)
      .map((item) => item.Put?.Item as Record<string, unknown>),
  );
  // Guards drawn at random (listener-rule priorities) may repeat; a batch must not hold a key twice.
  const byKey = new Map(items.map((item) => [`${String(item.PK)}\n${String(item.SK)}`, item]));
  const unique = [...byKey.values()];
  const probe = new TableProbe(db);
  const chunk = Math.ceil(unique.length / SEED_WRITERS);
  await Promise.all(
    Array.from({ length: SEED_WRITERS }, (_, index) =>
      probe.putAll(table, unique.slice(index * chunk, (index + 1) * chunk)),
    ),
  );
}

/** `count` fresh ACTIVE DEV instances, each in its own tenant (one instance per environment and tenant). */
export async function seedInstancePool(
  db: DynamoContext,
  count: number,
): Promise<{ tenantId: string; instanceId: string }[]> {
  const dao = new InstanceDao(db);
  const instances = Array.from({ length: count }, () =>
    buildInstance({ tenantId: newId('tenant'), status: 'ACTIVE', environment: 'DEV', runningCount: 1 }),
  );
  await putCreatedItems(
    db,
    'instances',
    instances.map((instance) => dao.createWrites(instance)),
  );
  return instances.map(({ tenantId, instanceId }) => ({ tenantId, instanceId }));
}

/** `count` fresh ACTIVE DEV sites of the member's tenant. */
export async function seedSitePool(
  db: DynamoContext,
  tenantId: string,
  instanceId: string,
  count: number,
): Promise<string[]> {
  const dao = new SiteDao(db);
  const sites = Array.from({ length: count }, () => buildSite({ tenantId, instanceId, status: 'ACTIVE' }));
  await putCreatedItems(
    db,
    'sites',
    sites.map((site) => dao.createWrites(site, 1_000_000)),
  );
  return sites.map((site) => site.siteId);
}
