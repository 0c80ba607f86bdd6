import { CataloguePluginDao, TemplateDao } from '@bbws/data-access-catalogue';
import type { ExtraWrites } from '@bbws/data-access-dynamo';
import { InstanceDao, type Instance } from '@bbws/data-access-instances';
import { BackupDao, InstalledPluginDao, SiteDao, type Site } from '@bbws/data-access-sites';
import { S3ArtifactStore } from '@bbws/integrations-artifacts';
import { connectionOf, LocalInstanceAgentAccess } from '@bbws/integrations-instance-agents';
import type { WordPressConnection } from '@bbws/integrations-wordpress-client';
import { loadHostingEnvironments } from '@bbws/shared-config';
import {
  MESSAGES,
  type HostingEnvironment,
  type MessageContract,
  type Operation,
} from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import { eventually } from '@bbws/testing-engines';
import { testDynamoContext } from '@bbws/testing-factories';
import { buildInstance, startTestLocalCloud, type TestLocalCloud } from '@bbws/testing-instances';
import { buildSite, uniqueSubdomain } from '@bbws/testing-sites';
import { startWorkersApp, type WorkersAppFixture } from './workers-app.fixture';
import { testArtifactStore } from './site-test.stores';

/**
 * The local cloud with one provisioned instance per environment asked for (a tenant's DEV and SIT),
 * the workers app on it, and the stores the site-copy specs read (clone, promotion).
 */
export interface SiteCopyFixture {
  cloud: TestLocalCloud;
  fx: WorkersAppFixture;
  albUrl: string;
  tenantId: string;
  instances: Record<string, Instance>;
  db: ReturnType<typeof testDynamoContext>;
  sites: SiteDao;
  templates: TemplateDao;
  catalogue: CataloguePluginDao;
  installed: InstalledPluginDao;
  backups: BackupDao;
  artifacts: S3ArtifactStore;
  finished(operationId: string): Promise<Operation>;
  /** A PROVISIONING site on the environment's instance, as the sites API builds it. */
  siteOn(environment: HostingEnvironment, overrides?: Partial<Site>): Site;
  /** Launches an operation on a site as the sites API does (`extra`: its writes in the launch). */
  start<P extends object>(
    contract: MessageContract<P>,
    resourceId: string,
    payload: P,
    extra?: ExtraWrites,
  ): Promise<Operation>;
  /** {@link start}, then waits for the operation's end. */
  launch<P extends object>(
    contract: MessageContract<P>,
    resourceId: string,
    payload: P,
    extra?: ExtraWrites,
  ): Promise<Operation>;
  /** Rows of one SQL query on the environment's instance database (one value per line). */
  query(environment: HostingEnvironment, sql: string): Promise<string[]>;
  /** The WordPress client's connection to the environment's instance (through its agent). */
  connection(environment: HostingEnvironment): Promise<WordPressConnection>;
  /** The blog ids of the environment's network with this domain. */
  blogsAt(environment: HostingEnvironment, host: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function startSiteCopyFixture(
  workers: string,
  environments: HostingEnvironment[],
): Promise<SiteCopyFixture> {
  const cloud = await startTestLocalCloud();
  const albUrl = cloud.cloud.endpoints.alb;
  const albPort = Number(new URL(albUrl).port);
  const hosting = JSON.stringify(
    Object.fromEntries(environments.map((env) => [env, { siteUrl: { scheme: 'http', port: albPort } }])),
  );
  const fx = await startWorkersApp({
    WORKERS: `instance-provision,${workers}`,
    ...cloud.env,
    HOSTING_ENVIRONMENTS: hosting,
    WORKER_QUEUES: JSON.stringify({
      'site-creation': { visibilityTimeoutSeconds: 30 },
      'site-update': { visibilityTimeoutSeconds: 30 },
    }),
    INSTANCE_POLL_INTERVAL_MS: '100',
    INSTANCE_CONVERGENCE_TIMEOUT_MS: '120000',
    INSTANCE_WORKFLOW_TIMEOUT_MS: '120000',
  });
  const db = testDynamoContext();
  const instanceDao = new InstanceDao(db);
  const finished = (operationId: string) =>
    eventually(async () => {
      const seen = await fx.operations.get(operationId);
      return seen && ['COMPLETED', 'FAILED'].includes(seen.status) ? seen : undefined;
    }, 240_000);
  const tenant = await fx.seedTenant();
  const instances: Record<string, Instance> = {};
  for (const environment of environments) {
    const built = buildInstance({ tenantId: tenant.tenantId, environment, status: 'PENDING_PROVISIONING' });
    const instance = buildInstance({
      ...built,
      resources: { ...built.resources, listenerArn: cloud.environments[environment].listenerArn },
    });
    await instanceDao.create(instance);
    const contract: MessageContract<object> = MESSAGES.INSTANCE_PROVISION;
    const operation = await fx.launcher.launch({
      contract,
      tenantId: instance.tenantId,
      resourceType: 'instance',
      resourceId: instance.instanceId,
      createdBy: 'admin-1',
      correlationId: newId('evt'),
      payload: { instanceId: instance.instanceId, environment, tier: 'STANDARD', desiredCount: 1 },
      extra: instanceDao.changeWrites(instance, {
        expectedVersion: instance.version,
        expectedStatuses: [instance.status],
        changes: { status: 'PENDING_PROVISIONING', lastError: null },
      }),
    });
    const provisioned = await finished(operation.operationId);
    if (provisioned.status !== 'COMPLETED')
      throw new Error(`${environment} instance not provisioned: ${JSON.stringify(provisioned.error)}`);
    instances[environment] = (await instanceDao.get(tenant.tenantId, environment))!;
  }
  const start: SiteCopyFixture['start'] = (contract, resourceId, payload, extra) =>
    fx.launcher.launch({
      contract,
      tenantId: tenant.tenantId,
      resourceType: 'site',
      resourceId,
      createdBy: 'user-1',
      correlationId: newId('evt'),
      payload,
      ...(extra ? { extra } : {}),
    });
  const query = async (environment: HostingEnvironment, sql: string) =>
    (await cloud.cloud.mariadb!.query(sql, `${instances[environment].slug}_${environment.toLowerCase()}_db`))
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  return {
    cloud,
    fx,
    albUrl,
    tenantId: tenant.tenantId,
    instances,
    db,
    sites: new SiteDao(db),
    templates: new TemplateDao(db),
    catalogue: new CataloguePluginDao(db),
    installed: new InstalledPluginDao(db),
    backups: new BackupDao(db),
    artifacts: testArtifactStore(),
    finished,
    siteOn(environment, overrides = {}) {
      const instance = instances[environment];
      const subdomain = overrides.subdomain ?? uniqueSubdomain();
      return buildSite({
        tenantId: instance.tenantId,
        instanceId: instance.instanceId,
        environment,
        subdomain,
        siteUrl: `http://${subdomain}.${environment.toLowerCase()}.localhost:${albPort}`,
        ...overrides,
      });
    },
    start,
    launch: async (contract, resourceId, payload, extra) =>
      finished((await start(contract, resourceId, payload, extra)).operationId),
    query,
    connection: (environment) =>
      connectionOf(
        new LocalInstanceAgentAccess(
          cloud.dataDir,
          loadHostingEnvironments({ HOSTING_ENVIRONMENTS: hosting }, 'test'),
        ),
        instances[environment],
      ),
    blogsAt: (environment, host) =>
      query(environment, `SELECT blog_id FROM wp_blogs WHERE domain = '${host}'`).then((rows) =>
        rows.filter((row) => /^\d+$/.test(row)),
      ),
    async close() {
      await fx?.close();
      await cloud?.stop();
    },
  };
}
