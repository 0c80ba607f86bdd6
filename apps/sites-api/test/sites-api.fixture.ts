import {
  CataloguePluginDao,
  TemplateDao,
  type CataloguePlugin,
  type Template,
} from '@bbws/data-access-catalogue';
import { InstanceDao, type Instance } from '@bbws/data-access-instances';
import type { TenantRole } from '@bbws/data-access-memberships';
import { OperationDao } from '@bbws/data-access-operations';
import { BackupDao, SiteDao, type Site } from '@bbws/data-access-sites';
import { S3ArtifactStore } from '@bbws/integrations-artifacts';
import { QueueDirectory, createSqsClient, ensureQueues, type SqsClient } from '@bbws/platform-sqs';
import type { Envelope, QueueKey } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import { newTestUser, startTestApi, type TestApi, type TestResponse, type TestUser } from '@bbws/testing-e2e';
import { QueueProbe, startSqs, type RunningEngine } from '@bbws/testing-engines';
import {
  TestClock,
  buildAuditEvent,
  buildCataloguePlugin,
  buildMember,
  buildOperation,
  seedTenant,
  tenantTableDaos,
  testDynamoContext,
} from '@bbws/testing-factories';
import { buildInstance } from '@bbws/testing-instances';
import { buildSite } from '@bbws/testing-sites';
import { AppModule } from '../src/app.module';
import { loadSitesApiConfig } from '../src/config/sites-api.config';
import { SITES_API_DESCRIPTION } from '../src/openapi';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let counter = 0;
function uniqueOrgName(): string {
  counter += 1;
  return `Sites Org ${Date.now().toString(36)} ${process.pid} ${counter}`;
}

/** The sites API in-process on its own queue server, with seeding helpers writing straight to the tables. */
export class SitesFixture {
  readonly sites: SiteDao;
  readonly instances: InstanceDao;
  readonly operations: OperationDao;
  readonly templates: TemplateDao;
  readonly plugins: CataloguePluginDao;
  readonly backups: BackupDao;
  /** The run's local S3 server, where the API deletes backup archives. */
  readonly store: S3ArtifactStore;
  private readonly tables;
  /** Every message a probe received, per queue (received messages stay hidden from later probes). */
  private readonly seen = new Map<QueueKey, Envelope[]>();

  private constructor(
    readonly api: TestApi,
    readonly clock: TestClock,
    readonly admin: TestUser,
    private readonly engine: RunningEngine,
    readonly sqs: SqsClient,
  ) {
    const db = testDynamoContext(clock);
    this.sites = new SiteDao(db);
    this.instances = new InstanceDao(db);
    this.operations = new OperationDao(db);
    this.templates = new TemplateDao(db);
    this.plugins = new CataloguePluginDao(db);
    this.backups = new BackupDao(db);
    this.store = new S3ArtifactStore(loadSitesApiConfig(process.env).sites.artifacts);
    this.tables = tenantTableDaos(db, { auditRetentionDays: 30 });
  }

  static async start(): Promise<SitesFixture> {
    const engine = await startSqs({ region: process.env.AWS_REGION });
    const sqs = createSqsClient({ region: process.env.AWS_REGION ?? 'us-east-1', endpoint: engine.endpoint });
    await ensureQueues(sqs, 'test');
    const clock = TestClock.running();
    const config = loadSitesApiConfig({
      ...process.env,
      SQS_ENDPOINT: engine.endpoint,
      ACCESS_CACHE_TTL_MS: '0',
      LOG_LEVEL: 'silent',
    });
    const api = await startTestApi(AppModule.register({ config, clock }), SITES_API_DESCRIPTION);
    const admin = await newTestUser({ platformAdmin: true, name: 'Platform Admin' });
    return new SitesFixture(api, clock, admin, engine, sqs);
  }

  async close(): Promise<void> {
    await this.api.close();
    this.sqs.destroy();
    await this.engine.stop();
  }

  call<T = any>(
    method: Method,
    url: string,
    token: string | undefined = this.admin.token,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse<T>> {
    return this.api.request({ method, url, token, body, headers });
  }

  async tenant(status = 'ACTIVE') {
    return seedTenant(this.tables.tenants, { organizationName: uniqueOrgName(), status: status as never });
  }

  async addMember(tenantId: string, user: TestUser, role: TenantRole): Promise<void> {
    const now = this.clock.now();
    await this.tables.members.add(
      buildMember(
        {
          tenantId,
          userId: user.userId,
          email: user.email,
          name: user.name,
          role,
          addedBy: this.admin.userId,
        },
        now,
      ),
      buildAuditEvent({ tenantId, actor: this.admin.userId, action: 'MEMBER_ADDED' }, now),
    );
  }

  /** A new member of `tenantId` in `role`. */
  async member(tenantId: string, role: TenantRole): Promise<TestUser> {
    const user = await newTestUser();
    await this.addMember(tenantId, user, role);
    return user;
  }

  /** An instance stored directly (the instances API is another service), ACTIVE unless told otherwise. */
  async instance(tenantId: string, overrides: Partial<Instance> = {}): Promise<Instance> {
    const instance = buildInstance({ tenantId, status: 'ACTIVE', wordpressVersion: '6.6', ...overrides });
    await this.instances.create(instance);
    return instance;
  }

  /** A tenant with an ACTIVE DEV instance. */
  async tenantWithInstance(overrides: Partial<Instance> = {}) {
    const tenant = await this.tenant();
    const instance = await this.instance(tenant.tenantId, overrides);
    return { tenantId: tenant.tenantId, instance, collection: `/v1.0/tenants/${tenant.tenantId}/sites` };
  }

  async plugin(overrides: Partial<CataloguePlugin> = {}): Promise<CataloguePlugin> {
    const plugin = buildCataloguePlugin(overrides);
    await this.plugins.create(plugin);
    return plugin;
  }

  async template(overrides: Partial<Template> = {}): Promise<Template> {
    const now = this.clock.now().toISOString();
    const template: Template = {
      templateId: newId('tpl'),
      name: 'Agency',
      description: 'A business site',
      category: 'BUSINESS',
      templateVersion: '1.0.0',
      status: 'PUBLISHED',
      theme: { slug: 'twentytwentythree', packageArtifact: null },
      plugins: [],
      options: { blogdescription: 'Hello' },
      pages: [{ title: 'Home', slug: 'home', content: '<p>Hi</p>' }],
      screenshots: [],
      demoUrl: null,
      minWordPressVersion: '6.1',
      usageCount: 0,
      clonedFromTemplateId: null,
      publishedAt: now,
      createdAt: now,
      createdBy: this.admin.userId,
      updatedAt: now,
      version: 1,
      ...overrides,
    };
    await this.templates.create(template);
    return template;
  }

  /** The messages for `operationId` on the site-creation queue (received, then left to expire). */
  async creationMessagesFor(operationId: string): Promise<Envelope[]> {
    const url = await new QueueDirectory(this.sqs, 'test').url('site-creation');
    const probe = new QueueProbe(this.sqs);
    const seen: Envelope[] = [];
    for (let i = 0; i < 6 && !seen.some((m) => m.operationId === operationId); i += 1) {
      const messages = await probe.receive(url, { max: 10, waitSeconds: 1, visibilityTimeout: 30 });
      seen.push(...messages.map((message) => JSON.parse(message.Body ?? '{}') as Envelope));
    }
    return seen.filter((message) => message.operationId === operationId);
  }

  /** Every site of the tenant (all pages). */
  async storedSites(tenantId: string) {
    return (await this.sites.listByTenant(tenantId, {}, { pageSize: 100 })).items;
  }

  /** The messages for `operationId` on `queue` (received, kept here, left to expire on the queue). */
  async messagesFor(queue: QueueKey, operationId: string): Promise<Envelope[]> {
    const url = await new QueueDirectory(this.sqs, 'test').url(queue);
    const probe = new QueueProbe(this.sqs);
    const seen = this.seen.get(queue) ?? [];
    this.seen.set(queue, seen);
    for (let i = 0; i < 6 && !seen.some((m) => m.operationId === operationId); i += 1) {
      const messages = await probe.receive(url, { max: 10, waitSeconds: 1, visibilityTimeout: 30 });
      seen.push(...messages.map((message) => JSON.parse(message.Body ?? '{}') as Envelope));
    }
    return seen.filter((message) => message.operationId === operationId);
  }

  /** A site stored directly (no operation on it), ACTIVE unless told otherwise. */
  async storedSite(tenantId: string, instance: Instance, overrides: Partial<Site> = {}): Promise<Site> {
    const site = buildSite({
      tenantId,
      instanceId: instance.instanceId,
      environment: instance.environment,
      wordpressVersion: instance.wordpressVersion,
      status: 'ACTIVE',
      ...overrides,
    });
    await this.sites.create(site, 100);
    return site;
  }

  /** A site of a promotion lineage (sharing the subdomain its tenant holds), stored through the promotion writes. */
  async storedLineageSite(tenantId: string, instance: Instance, overrides: Partial<Site>): Promise<Site> {
    const site = buildSite({
      tenantId,
      instanceId: instance.instanceId,
      environment: instance.environment,
      wordpressVersion: instance.wordpressVersion,
      status: 'ACTIVE',
      ...overrides,
    });
    // The launch transaction is the only way in; its lock goes on an unrelated id.
    const operation = buildOperation({ tenantId, resourceId: newId('site') });
    await this.operations.createWithLock(operation, this.sites.createPromotionTargetWrites(site, 100));
    return site;
  }
}
