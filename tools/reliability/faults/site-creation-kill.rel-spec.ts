import { MESSAGES, type MessageContract, type Operation } from '@bbws/shared-contracts';
import { InstanceDao, type Instance } from '@bbws/data-access-instances';
import { SiteDao, type Site } from '@bbws/data-access-sites';
import { OperationDao } from '@bbws/data-access-operations';
import { createLogger } from '@bbws/shared-logging';
import { newId, systemClock } from '@bbws/shared-util';
import { OperationLauncher } from '@bbws/platform-operations';
import { MessageProducer, QueueDirectory, createSqsClient, ensureQueues } from '@bbws/platform-sqs';
import { startSqs, type RunningEngine } from '@bbws/testing-engines';
import { testDynamoContext, buildTenant, buildAuditEvent } from '@bbws/testing-factories';
import { TenantDao } from '@bbws/data-access-tenants';
import { buildInstance, startTestLocalCloud, type TestLocalCloud } from '@bbws/testing-instances';
import { buildSite, uniqueSubdomain } from '@bbws/testing-sites';
import { recordReliability, reliabilityMode } from '../reliability-record';
import { compileApps, startCompiledApp, type CompiledApp } from './compiled-app';

const FULL = reliabilityMode() === 'full';
const KILLS = FULL ? 3 : 1;
/** Creations tried per wanted kill: one may finish before the kill lands. */
const ATTEMPTS_PER_KILL = 3;

/**
 * A real site creation on a real instance of the local cloud, the compiled workers process SIGKILLed
 * once the network site (the wp_blogs row) exists and before the operation completes, a new process
 * started: the operation completes, one wp_blogs row for the domain, the site ACTIVE.
 */
describe('fault: a WordPress worker killed mid-site-creation', () => {
  const db = testDynamoContext();
  const instances = new InstanceDao(db);
  const sites = new SiteDao(db);
  const operations = new OperationDao(db);
  let cloud: TestLocalCloud;
  let sqsEngine: RunningEngine;
  let launcher: OperationLauncher;
  let worker: CompiledApp | undefined;
  let instance: Instance;
  let env: Record<string, string>;

  const finished = async (operationId: string, timeoutMs = 240_000): Promise<Operation> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = await operations.get(operationId);
      if (seen && ['COMPLETED', 'FAILED'].includes(seen.status)) return seen;
      if (Date.now() > deadline) throw new Error(`operation ${operationId} did not finish`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    compileApps();
    sqsEngine = await startSqs();
    const sqs = createSqsClient({ region: 'us-east-1', endpoint: sqsEngine.endpoint });
    await ensureQueues(sqs, 'test');
    launcher = new OperationLauncher(
      operations,
      new MessageProducer(sqs, new QueueDirectory(sqs, 'test')),
      systemClock,
      createLogger({ name: 'fault-suite', level: 'silent' }),
    );
    cloud = await startTestLocalCloud();
    const albPort = Number(new URL(cloud.cloud.endpoints.alb).port);
    env = {
      ...cloud.env,
      SQS_ENDPOINT: sqsEngine.endpoint,
      WORKERS: 'instance-provision,site-creation',
      WORKER_WAIT_TIME_SECONDS: '1',
      HOSTING_ENVIRONMENTS: JSON.stringify({ DEV: { siteUrl: { scheme: 'http', port: albPort } } }),
      WORKER_QUEUES: JSON.stringify({ 'site-creation': { visibilityTimeoutSeconds: 5 } }),
      INSTANCE_POLL_INTERVAL_MS: '100',
      INSTANCE_CONVERGENCE_TIMEOUT_MS: '120000',
      INSTANCE_WORKFLOW_TIMEOUT_MS: '120000',
    };
    worker = await startCompiledApp('workers', env);

    const tenant = buildTenant({ status: 'ACTIVE' });
    await new TenantDao(db, { auditRetentionDays: 30 }).create(
      tenant,
      buildAuditEvent({ tenantId: tenant.tenantId }),
    );
    const built = buildInstance({ tenantId: tenant.tenantId, status: 'PENDING_PROVISIONING' });
    instance = buildInstance({
      ...built,
      resources: { ...built.resources, listenerArn: cloud.environments.DEV.listenerArn },
    });
    await instances.create(instance);
    const provision = await launcher.launch({
      contract: MESSAGES.INSTANCE_PROVISION as MessageContract<object>,
      tenantId: instance.tenantId,
      resourceType: 'instance',
      resourceId: instance.instanceId,
      createdBy: 'admin-1',
      correlationId: newId('evt'),
      payload: { instanceId: instance.instanceId, environment: 'DEV', tier: 'STANDARD', desiredCount: 1 },
    });
    expect(await finished(provision.operationId)).toMatchObject({ status: 'COMPLETED' });
    instance = (await instances.get(instance.tenantId, 'DEV'))!;
  }, 15 * 60_000);

  afterAll(async () => {
    await worker?.stop();
    await cloud?.stop();
    await sqsEngine?.stop();
  });

  const blogsAt = async (host: string) =>
    (
      await cloud.cloud.mariadb!.query(
        `SELECT blog_id FROM wp_blogs WHERE domain = '${host}'`,
        `${instance.slug}_dev_db`,
      )
    )
      .split('\n')
      .filter((line) => /^\d+$/.test(line.trim()));

  it(
    `completes the creation with one network site after ${KILLS} kill(s)`,
    async () => {
      const port = new URL(cloud.cloud.endpoints.alb).port;
      const killedAtSteps: string[] = [];
      const results: Array<{ killed: boolean; operation: Operation; blogs: number; site: Site | null }> = [];
      for (
        let attempt = 0;
        attempt < KILLS * ATTEMPTS_PER_KILL && results.filter((r) => r.killed).length < KILLS;
        attempt += 1
      ) {
        const subdomain = uniqueSubdomain();
        const site = buildSite({
          tenantId: instance.tenantId,
          instanceId: instance.instanceId,
          environment: 'DEV',
          subdomain,
          siteUrl: `http://${subdomain}.dev.localhost:${port}`,
        });
        await sites.create(site, 5);
        const host = new URL(site.siteUrl).hostname;
        const launched = await launcher.launch({
          contract: MESSAGES.SITE_CREATION,
          tenantId: site.tenantId,
          resourceType: 'site',
          resourceId: site.siteId,
          createdBy: 'user-1',
          correlationId: newId('evt'),
          payload: {
            siteId: site.siteId,
            siteName: site.siteName,
            subdomain,
            environment: 'DEV',
            instanceId: instance.instanceId,
            adminEmail: 'owner@example.com',
          },
        });
        let killed = false;
        for (;;) {
          const operation = await operations.get(launched.operationId);
          if (operation && ['COMPLETED', 'FAILED'].includes(operation.status)) break;
          if ((await blogsAt(host)).length > 0) {
            await worker!.kill();
            const atKill = await operations.get(launched.operationId);
            killed = atKill?.status === 'IN_PROGRESS';
            if (killed) killedAtSteps.push(atKill?.currentStep ?? '(none)');
            worker = await startCompiledApp('workers', env);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const operation = await finished(launched.operationId);
        results.push({
          killed,
          operation,
          blogs: (await blogsAt(host)).length,
          site: await sites.get(site.tenantId, site.siteId),
        });
      }
      const killedRuns = results.filter((r) => r.killed);
      recordReliability({
        suite: 'fault: WordPress worker killed mid-site-creation (compiled workers, local cloud)',
        tried: { faults: killedRuns.length, operations: results.length },
        lost: {
          notCompleted: results.filter((r) => r.operation.status !== 'COMPLETED').length,
          blogsNotExactlyOne: results.filter((r) => r.blogs !== 1).length,
          sitesNotActive: results.filter((r) => r.site?.status !== 'ACTIVE').length,
        },
        notes: [`killed once the blog existed, during step(s): ${killedAtSteps.join(', ')}`],
      });
      expect(killedRuns.length).toBe(KILLS);
      for (const result of results) {
        expect(result.operation).toMatchObject({ status: 'COMPLETED', error: null });
        expect(result.blogs).toBe(1);
        expect(result.site?.status).toBe('ACTIVE');
      }
    },
    15 * 60_000,
  );
});
