import { createHash } from 'node:crypto';
import { CataloguePluginDao, TemplateDao } from '@bbws/data-access-catalogue';
import { InstanceDao, type Instance } from '@bbws/data-access-instances';
import { BackupDao, InstalledPluginDao, SiteDao, type Site } from '@bbws/data-access-sites';
import { S3ArtifactStore } from '@bbws/integrations-artifacts';
import type { HostingEnvironment, MessageContract, Operation } from '@bbws/shared-contracts';
import { MESSAGES } from '@bbws/shared-contracts';
import type { ExtraWrites } from '@bbws/data-access-dynamo';
import { newId } from '@bbws/shared-util';
import { eventually } from '@bbws/testing-engines';
import { testDynamoContext } from '@bbws/testing-factories';
import { buildInstance, startTestLocalCloud, type TestLocalCloud } from '@bbws/testing-instances';
import { buildSite, uniqueSubdomain } from '@bbws/testing-sites';
import { visit } from './site-creation.seed';
import { startWorkersApp, type WorkersAppFixture } from './workers-app.fixture';

/**
 * One real instance on the local cloud with the site workers running, for the site-change, backup and
 * deletion specs: sites are created by the site-creation worker, operations launched as the sites API
 * launches them (the fixture's launcher, with the API's extra writes).
 */
export interface SiteWorld {
  cloud: TestLocalCloud;
  fx: WorkersAppFixture;
  instance: Instance;
  albUrl: string;
  db: ReturnType<typeof testDynamoContext>;
  instances: InstanceDao;
  sites: SiteDao;
  backups: BackupDao;
  installed: InstalledPluginDao;
  templates: TemplateDao;
  catalogue: CataloguePluginDao;
  artifacts: S3ArtifactStore;
  finished(operationId: string): Promise<Operation>;
  /** Launches `contract` on the site as the API does and waits for the operation to end. */
  run<P extends object>(
    site: Site,
    contract: MessageContract<P>,
    payload: P,
    options?: { extra?: ExtraWrites; operationId?: string },
  ): Promise<Operation>;
  /** A site created by SITE_CREATION and ACTIVE (optionally from a template). */
  activeSite(extras?: { templateId?: string; plugins?: string[] }): Promise<Site>;
  reload(site: Site): Promise<Site>;
  /** SQL on the instance's database (rows tab-separated, one per line). */
  sql(query: string): Promise<string>;
  /** GET through the ALB with the site's host. */
  visit(site: Site, path?: string): Promise<{ status: number; body: string }>;
  sha256Of(key: string): Promise<string>;
  close(): Promise<void>;
}

export async function startSiteWorld(
  environment: HostingEnvironment,
  workers: string,
  env: Record<string, string> = {},
): Promise<SiteWorld> {
  const cloud = await startTestLocalCloud();
  const albUrl = cloud.cloud.endpoints.alb;
  const albPort = Number(new URL(albUrl).port);
  const fx = await startWorkersApp({
    WORKERS: `instance-provision,site-creation,${workers}`,
    ...cloud.env,
    HOSTING_ENVIRONMENTS: JSON.stringify({ [environment]: { siteUrl: { scheme: 'http', port: albPort } } }),
    WORKER_QUEUES: JSON.stringify({
      'site-creation': { visibilityTimeoutSeconds: 30 },
      'site-update': { visibilityTimeoutSeconds: 60 },
      'site-deletion': { visibilityTimeoutSeconds: 60 },
    }),
    INSTANCE_POLL_INTERVAL_MS: '100',
    INSTANCE_CONVERGENCE_TIMEOUT_MS: '120000',
    INSTANCE_WORKFLOW_TIMEOUT_MS: '120000',
    ...env,
  });
  const db = testDynamoContext();
  const instances = new InstanceDao(db);
  const sites = new SiteDao(db);
  const artifacts = new S3ArtifactStore({
    bucket: process.env.ARTIFACTS_BUCKET ?? '',
    region: process.env.AWS_REGION ?? 'us-east-1',
    endpoint: process.env.S3_ENDPOINT,
    forcePathStyle: true,
  });

  const finished = (operationId: string) =>
    eventually(async () => {
      const seen = await fx.operations.get(operationId);
      return seen && ['COMPLETED', 'FAILED'].includes(seen.status) ? seen : undefined;
    }, 240_000);

  async function run<P extends object>(
    site: Site,
    contract: MessageContract<P>,
    payload: P,
    options: { extra?: ExtraWrites; operationId?: string } = {},
  ) {
    const operation = await fx.launcher.launch({
      contract,
      tenantId: site.tenantId,
      resourceType: 'site',
      resourceId: site.siteId,
      createdBy: 'user-1',
      correlationId: newId('evt'),
      payload,
      ...options,
    });
    return finished(operation.operationId);
  }

  const tenant = await fx.seedTenant();
  const built = buildInstance({ tenantId: tenant.tenantId, environment, status: 'PENDING_PROVISIONING' });
  await instances.create(
    buildInstance({
      ...built,
      resources: { ...built.resources, listenerArn: cloud.environments[environment].listenerArn },
    }),
  );
  const launched = await fx.launcher.launch({
    contract: MESSAGES.INSTANCE_PROVISION as MessageContract<object>,
    tenantId: built.tenantId,
    resourceType: 'instance',
    resourceId: built.instanceId,
    createdBy: 'admin-1',
    correlationId: newId('evt'),
    payload: { instanceId: built.instanceId, environment, tier: 'STANDARD', desiredCount: 1 },
  });
  const provisioned = await finished(launched.operationId);
  if (provisioned.status !== 'COMPLETED')
    throw new Error(`provisioning failed: ${JSON.stringify(provisioned.error)}`);
  const instance = (await instances.get(built.tenantId, environment))!;
  const database = `${instance.slug}_${environment.toLowerCase()}_db`;

  return {
    cloud,
    fx,
    instance,
    albUrl,
    db,
    instances,
    sites,
    backups: new BackupDao(db),
    installed: new InstalledPluginDao(db),
    templates: new TemplateDao(db),
    catalogue: new CataloguePluginDao(db),
    artifacts,
    finished,
    run,
    async activeSite(extras = {}) {
      const subdomain = uniqueSubdomain();
      const site = buildSite({
        tenantId: instance.tenantId,
        instanceId: instance.instanceId,
        environment,
        subdomain,
        siteUrl: `http://${subdomain}.${environment.toLowerCase()}.localhost:${albPort}`,
        configuration: {},
        ...(extras.templateId ? { templateId: extras.templateId } : {}),
      });
      await sites.create(site, 100);
      const created = await run(site, MESSAGES.SITE_CREATION, {
        siteId: site.siteId,
        siteName: site.siteName,
        subdomain: site.subdomain,
        environment: site.environment,
        instanceId: site.instanceId,
        adminEmail: 'owner@example.com',
        ...extras,
      });
      if (created.status !== 'COMPLETED')
        throw new Error(`creation failed: ${JSON.stringify(created.error)}`);
      return (await sites.get(site.tenantId, site.siteId))!;
    },
    async reload(site) {
      return (await sites.get(site.tenantId, site.siteId))!;
    },
    sql: (query) => cloud.cloud.mariadb!.query(query, database),
    visit: (site, path = '/') => visit(albUrl, new URL(site.siteUrl).hostname, path),
    async sha256Of(key) {
      const download = await artifacts.get(key);
      const hash = createHash('sha256');
      for await (const chunk of download.body) hash.update(chunk as Buffer);
      return hash.digest('hex');
    },
    async close() {
      await fx?.close();
      await cloud?.stop();
    },
  };
}
