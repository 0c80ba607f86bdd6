import { createSqsClient, ensureQueues } from '@bbws/platform-sqs';
import { eventually, startSqs, type RunningEngine } from '@bbws/testing-engines';
import { startPlatformWorkers } from '../platform/platform-workers';
import type { ListeningApp } from '../platform/platform-apps';
import { CliSitesFixture, EXIT } from './cli-sites.fixture';

jest.setTimeout(90_000);

/**
 * `--wait` on site operations. The site workers need a WordPress instance, which the harness has not:
 * an operation no worker takes runs into `--timeout`, and a site creation whose instance stopped being
 * ACTIVE before the site-creation worker (started only then) took it fails at once.
 */
describe('bbws sites … --wait', () => {
  let sqs: RunningEngine;
  let fx: CliSitesFixture;
  let workers: ListeningApp | undefined;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    sqs = await startSqs({ region: process.env.AWS_REGION });
    const queues = createSqsClient({ region: process.env.AWS_REGION ?? 'us-east-1', endpoint: sqs.endpoint });
    await ensureQueues(queues, process.env.BBWS_STAGE ?? 'test').finally(() => queues.destroy());
    env = { ...process.env, SQS_ENDPOINT: sqs.endpoint, LOG_LEVEL: 'silent', ACCESS_CACHE_TTL_MS: '0' };
    fx = await CliSitesFixture.start({ env: { SQS_ENDPOINT: sqs.endpoint } });
  });
  afterAll(async () => {
    await workers?.app.close();
    await fx?.close();
    await sqs?.stop();
  });

  it('gives up after --timeout with exit 9, naming the operation still PENDING; nothing on stdout', async () => {
    const { tenantId, token } = await fx.tenantWithMember('ADMIN');
    const site = await fx.site(await fx.instance(tenantId));
    const argv = ['sites', 'update', tenantId, site.siteId, '--set', 'title=Later', '--wait'];
    const run = await fx.bbws(token, '-q', ...argv, '--timeout', '1', '--interval', '200');
    expect(run.code).toBe(EXIT.TIMEOUT);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^bbws: operation op-\S+ still PENDING after 1000 ms$/m);
  });

  it('exits 7 with the operation error when the creation fails, printing no site', async () => {
    const { tenantId, token } = await fx.tenantWithMember('ADMIN');
    const instance = await fx.instance(tenantId);
    const subdomain = fx.uniqueWord('doomed');
    const argv = ['sites', 'create', tenantId, '--name', 'Doomed', '--subdomain', subdomain, '--wait'];
    const running = fx.bbws(token, ...argv, '--interval', '200', '--timeout', '60');

    const [site] = await eventually(async () => {
      const stored = (await fx.sites.listByTenant(tenantId, {}, { pageSize: 10 })).items;
      return stored.length ? stored : undefined;
    });
    await fx.instances.change(instance, { expectedVersion: instance.version, changes: { status: 'FAILED' } });
    workers = await startPlatformWorkers(['site-creation'], env);

    const run = await running;
    expect(run.code).toBe(EXIT.OPERATION_FAILED);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^bbws: operation op-\S+ \(SITE_CREATION\) failed: INSTANCE_NOT_READY: /m);
    expect(await fx.json(token, 'sites', 'get', tenantId, site.siteId)).toMatchObject({
      subdomain,
      status: 'FAILED',
      lastError: expect.objectContaining({ code: 'INSTANCE_NOT_READY' }),
    });
  });
});
