import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { instanceKeys, RulePriorityDao, type Instance } from '@bbws/data-access-instances';
import { createComputeAdapter } from '@bbws/integrations-compute';
import { type Site } from '@bbws/data-access-sites';
import { INSTANCE_SECRETS_FILE } from '@bbws/integrations-local-runtime';
import { MESSAGES, type MessageContract, type Operation } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import { QueueDirectory } from '@bbws/platform-sqs';
import { QueueProbe, eventually } from '@bbws/testing-engines';
import { buildSite, uniqueSubdomain } from '@bbws/testing-sites';
import { buildInstance, startTestLocalCloud, type TestLocalCloud } from '@bbws/testing-instances';
import { SETTINGS_PLUGIN } from '@bbws/testing-wordpress-fixtures';
import {
  seedSettingsPlugin,
  seedTemplate,
  TEMPLATE_ABOUT_TEXT,
  TEMPLATE_HOME_TEXT,
  visit,
} from './site-creation.seed';
import { SiteHostRouter } from '../src/sites/site-host.router';
import { launchInstanceOperation } from './instance-operation.launch';
import { startReceiver, startWorkersApp, type WorkersAppFixture } from './workers-app.fixture';
import { siteStores } from './site-test.stores';

jest.setTimeout(300_000);

/** Creation on a real instance of the local cloud: network site, template, plugin, ALB route, ACTIVE. */
describe('workers: site creation on a real WordPress instance (local cloud)', () => {
  let cloud: TestLocalCloud;
  let fx: WorkersAppFixture;
  let instance: Instance;
  const { db, instances, sites, templates, catalogue, installed, artifacts } = siteStores();
  let albUrl: string;

  async function finished(operationId: string): Promise<Operation> {
    return eventually(async () => {
      const seen = await fx.operations.get(operationId);
      return seen && ['COMPLETED', 'FAILED'].includes(seen.status) ? seen : undefined;
    }, 240_000);
  }

  async function provision(target: Instance): Promise<Operation> {
    const operation = await launchInstanceOperation(fx.launcher, instances, target, {
      contract: MESSAGES.INSTANCE_PROVISION as MessageContract<object>,
      to: 'PENDING_PROVISIONING',
      payload: {
        instanceId: target.instanceId,
        environment: target.environment,
        tier: 'STANDARD',
        desiredCount: 1,
      },
    });
    return finished(operation.operationId);
  }

  /** Launches SITE_CREATION for `site` as the sites API does (a new operation on the site). */
  async function create(site: Site, extras: { templateId?: string; plugins?: string[] } = {}) {
    const operation = await fx.launcher.launch({
      contract: MESSAGES.SITE_CREATION,
      tenantId: site.tenantId,
      resourceType: 'site',
      resourceId: site.siteId,
      createdBy: 'user-1',
      correlationId: newId('evt'),
      payload: {
        siteId: site.siteId,
        siteName: site.siteName,
        subdomain: site.subdomain,
        environment: site.environment,
        instanceId: site.instanceId,
        adminEmail: 'owner@example.com',
        ...extras,
      },
    });
    return finished(operation.operationId);
  }

  function siteOn(target: Instance, overrides: Partial<Site> = {}): Site {
    const subdomain = uniqueSubdomain();
    const port = new URL(albUrl).port;
    return buildSite({
      tenantId: target.tenantId,
      instanceId: target.instanceId,
      environment: target.environment,
      subdomain,
      siteUrl: `http://${subdomain}.${target.environment.toLowerCase()}.localhost:${port}`,
      ...overrides,
    });
  }

  const blogsAt = async (host: string) =>
    (
      await cloud.cloud.mariadb!.query(
        `SELECT blog_id FROM wp_blogs WHERE domain = '${host}'`,
        `${instance.slug}_dev_db`,
      )
    )
      .split('\n')
      .filter((line) => /^\d+$/.test(line.trim()));

  const priorityGuard = async (priority: number) =>
    (
      await db.client.send(
        new GetCommand({ TableName: db.tables.instances, Key: instanceKeys.priorityGuard('DEV', priority) }),
      )
    ).Item;

  beforeAll(async () => {
    cloud = await startTestLocalCloud();
    albUrl = cloud.cloud.endpoints.alb;
    const albPort = Number(new URL(albUrl).port);
    fx = await startWorkersApp({
      WORKERS: 'instance-provision,site-creation,webhooks',
      ...cloud.env,
      // The agent is reached through the ALB; SIT points at a closed port (WordPress unreachable).
      HOSTING_ENVIRONMENTS: JSON.stringify({
        DEV: { siteUrl: { scheme: 'http', port: albPort } },
        SIT: { siteUrl: { scheme: 'http', port: 9 } },
      }),
      WORKER_QUEUES: JSON.stringify({ 'site-creation': { visibilityTimeoutSeconds: 30 } }),
      INSTANCE_POLL_INTERVAL_MS: '100',
      INSTANCE_CONVERGENCE_TIMEOUT_MS: '120000',
      INSTANCE_WORKFLOW_TIMEOUT_MS: '120000',
    });
    const tenant = await fx.seedTenant();
    const built = buildInstance({ tenantId: tenant.tenantId, status: 'PENDING_PROVISIONING' });
    instance = buildInstance({
      ...built,
      resources: { ...built.resources, listenerArn: cloud.environments.DEV.listenerArn },
    });
    await instances.create(instance);
    expect(await provision(instance)).toMatchObject({ status: 'COMPLETED' });
    instance = (await instances.get(instance.tenantId, 'DEV'))!;
  }, 15 * 60_000);
  afterAll(async () => {
    await fx?.close();
    await cloud?.stop();
  });

  it('creates the network site with the template and the plugin, routes its host and activates it, once', async () => {
    const template = await seedTemplate(templates, artifacts);
    const plugin = await seedSettingsPlugin(catalogue, artifacts);
    const site = siteOn(instance, { templateId: template.templateId });
    await sites.create(site, 5);
    const host = new URL(site.siteUrl).hostname;
    const receiver = await startReceiver();
    await fx.seedWebhook(site.tenantId, receiver.url, ['site.created']);
    const announced = () => receiver.requests.filter((received) => received.body.includes(site.siteId));

    const done = await create(site, { templateId: template.templateId, plugins: [plugin.pluginId] });
    expect(done).toMatchObject({
      status: 'COMPLETED',
      result: { siteId: site.siteId, siteUrl: site.siteUrl },
    });
    const active = (await sites.get(site.tenantId, site.siteId))!;
    expect(active).toMatchObject({ status: 'ACTIVE', lastError: null });
    expect(active.wpSiteId).toEqual(expect.any(Number));
    expect(done.result).toMatchObject({ wpSiteId: active.wpSiteId });

    // The host reaches the instance through the ALB and the site's front page is the template's home page.
    const home = await eventually(async () => {
      const answer = await visit(albUrl, host);
      return answer.status === 200 ? answer : undefined;
    }, 30_000);
    expect(home.body).toContain(TEMPLATE_HOME_TEXT);
    expect((await visit(albUrl, host, '/?pagename=about')).body).toContain(TEMPLATE_ABOUT_TEXT);

    const activePlugins = await cloud.cloud.mariadb!.query(
      `SELECT option_value FROM wp_${active.wpSiteId}_options WHERE option_name = 'active_plugins'`,
      `${instance.slug}_dev_db`,
    );
    expect(activePlugins).toContain(`${SETTINGS_PLUGIN}.php`);
    expect(await installed.get(site.siteId, plugin.pluginId)).toMatchObject({
      pluginFile: SETTINGS_PLUGIN,
      installedVersion: '1.0.0',
      isActive: true,
    });
    expect((await templates.get(template.templateId))!.usageCount).toBe(1);
    expect((await catalogue.get(plugin.pluginId))!.installCount).toBe(1);
    expect(await blogsAt(host)).toEqual([String(active.wpSiteId)]);
    // `site.created` reaches the tenant's webhook.
    const [event] = await eventually(async () => (announced().length > 0 ? announced() : undefined), 30_000);
    expect(JSON.parse(event.body)).toMatchObject({
      type: 'site.created',
      data: { siteId: site.siteId, siteUrl: site.siteUrl, status: 'ACTIVE' },
    });

    // The first site host joins the instance's own listener rule.
    expect(done.steps.find((step) => step.name === 'route-host')?.output).toMatchObject({
      action: 'modified',
      ruleArn: instance.resources.listenerRuleArn,
    });

    // Delivered again without its checkpoints (a new operation for the same site): nothing is duplicated.
    const again = await create(site, { templateId: template.templateId, plugins: [plugin.pluginId] });
    expect(again).toMatchObject({ error: null, status: 'COMPLETED', result: { wpSiteId: active.wpSiteId } });
    expect(await blogsAt(host)).toEqual([String(active.wpSiteId)]);
    expect(again.steps.find((step) => step.name === 'route-host')?.output).toMatchObject({ action: 'none' });
    expect((await templates.get(template.templateId))!.usageCount).toBe(1);
    expect((await catalogue.get(plugin.pluginId))!.installCount).toBe(1);
    expect((await sites.get(site.tenantId, site.siteId))!).toMatchObject({
      status: 'ACTIVE',
      wpSiteId: active.wpSiteId,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // time for a second event to be delivered
    expect(announced()).toHaveLength(1);
    await receiver.close();
  });

  it("routes hosts past the instance's full rule through a new rule whose priority is reserved", async () => {
    const router = new SiteHostRouter(createComputeAdapter(cloud.compute), new RulePriorityDao(db));
    const changes = [];
    for (let i = 0; i < 5; i++) {
      changes.push(await router.route(instance, `${uniqueSubdomain()}.dev.localhost`));
    }
    const created = changes.filter((change) => change.action === 'created');
    expect(created).toHaveLength(1);
    expect(
      changes.slice(0, changes.indexOf(created[0])).every((change) => change.action === 'modified'),
    ).toBe(true);
    expect(await priorityGuard(created[0].priority!)).toMatchObject({
      entityType: 'PRIORITY_GUARD',
      instanceId: instance.instanceId,
    });
    expect(created[0].priority).not.toBe(instance.resources.listenerRulePriority);
  });

  it('retries while WordPress is unreachable, then leaves the site FAILED with the error and the message in the DLQ', async () => {
    const tenant = await fx.seedTenant();
    const unreachable = buildInstance({ tenantId: tenant.tenantId, environment: 'SIT', status: 'ACTIVE' });
    await instances.create(unreachable);
    const secrets = join(
      cloud.dataDir,
      'secrets',
      'instances',
      'sit',
      unreachable.slug,
      INSTANCE_SECRETS_FILE,
    );
    await mkdir(dirname(secrets), { recursive: true });
    await writeFile(secrets, JSON.stringify({ agentSecret: 'b'.repeat(64) }), { mode: 0o600 });
    const site = siteOn(unreachable);
    await sites.create(site, 5);

    const failed = await create(site);
    expect(failed).toMatchObject({ status: 'FAILED', error: { code: 'WORDPRESS_UNREACHABLE' } });
    expect(failed.attempts).toBeGreaterThan(1);
    expect(await sites.get(site.tenantId, site.siteId)).toMatchObject({
      status: 'FAILED',
      wpSiteId: null,
      lastError: { code: 'WORDPRESS_UNREACHABLE', operationId: failed.operationId },
    });
    // After the last receive the redrive policy moves the message to the site operations' DLQ.
    const probe = new QueueProbe(fx.sqs);
    const dlq = await new QueueDirectory(fx.sqs, 'test').url('site-operations-dlq');
    const deadLetter = await eventually(async () => {
      const [message] = await probe.receive(dlq, { visibilityTimeout: 0 });
      return message?.Body?.includes(failed.operationId) ? message : undefined;
    }, 60_000);
    expect(JSON.parse(deadLetter.Body ?? '{}')).toMatchObject({
      messageType: 'SITE_CREATION',
      operationId: failed.operationId,
    });
  });
});
