import { type Instance } from '@bbws/data-access-instances';
import { type Site } from '@bbws/data-access-sites';
import { MESSAGES, type MessageContract, type Operation } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import { eventually } from '@bbws/testing-engines';
import { buildSite, uniqueSubdomain } from '@bbws/testing-sites';
import { buildInstance, startTestLocalCloud, type TestLocalCloud } from '@bbws/testing-instances';
import { SETTINGS_PLUGIN } from '@bbws/testing-wordpress-fixtures';
import { seedSettingsPlugin, seedTemplate, TEMPLATE_HOME_TEXT, visit } from './site-creation.seed';
import { startWorkersApp, type WorkersAppFixture } from './workers-app.fixture';
import { siteStores } from './site-test.stores';

jest.setTimeout(300_000);

/** `/retry` of a failed creation as the workers see it: the same message again, on the same site. */
describe('workers: a failed site creation retried on a real WordPress instance (local cloud)', () => {
  let cloud: TestLocalCloud;
  let fx: WorkersAppFixture;
  let instance: Instance;
  const { instances, sites, templates, catalogue, installed, artifacts } = siteStores();
  let albUrl: string;

  async function finished(operationId: string): Promise<Operation> {
    return eventually(async () => {
      const seen = await fx.operations.get(operationId);
      return seen && ['COMPLETED', 'FAILED'].includes(seen.status) ? seen : undefined;
    }, 240_000);
  }

  async function launch(
    contract: MessageContract<object>,
    target: { tenantId: string; resourceId: string },
    payload: object,
    extra?: Parameters<WorkersAppFixture['launcher']['launch']>[0]['extra'],
  ) {
    const operation = await fx.launcher.launch({
      contract,
      tenantId: target.tenantId,
      resourceType: contract === MESSAGES.INSTANCE_PROVISION ? 'instance' : 'site',
      resourceId: target.resourceId,
      createdBy: 'user-1',
      correlationId: newId('evt'),
      payload,
      ...(extra ? { extra } : {}),
    });
    return finished(operation.operationId);
  }

  /** What the sites API's retry launches: the failed operation's message type and payload, the site PROVISIONING. */
  async function retry(site: Site, failed: Operation): Promise<Operation> {
    const contract: MessageContract<object> = MESSAGES.SITE_CREATION;
    expect(failed.dispatch!.message.messageType).toBe(contract.messageType);
    return launch(
      contract,
      { tenantId: site.tenantId, resourceId: site.siteId },
      failed.dispatch!.message.payload,
      sites.changeWrites(site, {
        expectedVersion: site.version,
        expectedStatuses: ['FAILED'],
        changes: { status: 'PROVISIONING' },
      }),
    );
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

  beforeAll(async () => {
    cloud = await startTestLocalCloud();
    albUrl = cloud.cloud.endpoints.alb;
    const albPort = Number(new URL(albUrl).port);
    fx = await startWorkersApp({
      WORKERS: 'instance-provision,site-creation',
      ...cloud.env,
      HOSTING_ENVIRONMENTS: JSON.stringify({ DEV: { siteUrl: { scheme: 'http', port: albPort } } }),
      WORKER_QUEUES: JSON.stringify({ 'site-creation': { visibilityTimeoutSeconds: 10 } }),
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
    const provisioned = await launch(
      MESSAGES.INSTANCE_PROVISION,
      { tenantId: instance.tenantId, resourceId: instance.instanceId },
      { instanceId: instance.instanceId, environment: 'DEV', tier: 'STANDARD', desiredCount: 1 },
      instances.changeWrites(instance, {
        expectedVersion: instance.version,
        expectedStatuses: [instance.status],
        changes: { status: 'PENDING_PROVISIONING', lastError: null },
      }),
    );
    expect(provisioned).toMatchObject({ status: 'COMPLETED' });
    instance = (await instances.get(instance.tenantId, 'DEV'))!;
  }, 15 * 60_000);
  afterAll(async () => {
    await fx?.close();
    await cloud?.stop();
  });

  it('completes ACTIVE on the blog the failed attempt created, counting template and plugin once', async () => {
    const template = await seedTemplate(templates, artifacts);
    const plugin = await seedSettingsPlugin(catalogue, artifacts);
    const packageKey = plugin.versions[0].packageArtifact!.key;
    const kept = `${packageKey.replace(/\.zip$/, '')}-kept.zip`;
    await artifacts.copy(packageKey, kept);
    await artifacts.delete(packageKey);
    const subdomain = uniqueSubdomain();
    const site = buildSite({
      tenantId: instance.tenantId,
      instanceId: instance.instanceId,
      environment: 'DEV',
      subdomain,
      siteUrl: `http://${subdomain}.dev.localhost:${new URL(albUrl).port}`,
      templateId: template.templateId,
    });
    await sites.create(site, 5);
    const host = new URL(site.siteUrl).hostname;

    // The plugin's package is gone: the creation fails for good after the blog and the template.
    const failed = await launch(
      MESSAGES.SITE_CREATION,
      { tenantId: site.tenantId, resourceId: site.siteId },
      {
        siteId: site.siteId,
        siteName: site.siteName,
        subdomain,
        environment: 'DEV',
        instanceId: instance.instanceId,
        adminEmail: 'owner@example.com',
        templateId: template.templateId,
        plugins: [plugin.pluginId],
      },
    );
    // The store's 404 is the request's fault: failed at once, not retried, no instance breaker opened.
    expect(failed).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: { code: 'WORDPRESS_PACKAGE_UNAVAILABLE' },
    });
    expect(failed.steps.find((step) => step.name === `install-plugin:${plugin.pluginId}`)).toMatchObject({
      status: 'FAILED',
    });
    const broken = (await sites.get(site.tenantId, site.siteId))!;
    expect(broken).toMatchObject({ status: 'FAILED', lastError: { operationId: failed.operationId } });
    expect(broken.wpSiteId).toEqual(expect.any(Number));
    expect(await blogsAt(host)).toEqual([String(broken.wpSiteId)]);
    expect((await templates.get(template.templateId))!.usageCount).toBe(1);
    expect((await catalogue.get(plugin.pluginId))!.installCount).toBe(0);
    expect(await installed.get(site.siteId, plugin.pluginId)).toBeNull();

    await artifacts.copy(kept, packageKey);
    const retried = await retry(broken, failed);

    expect(retried).toMatchObject({
      status: 'COMPLETED',
      error: null,
      result: { siteId: site.siteId, wpSiteId: broken.wpSiteId },
    });
    expect(retried.operationId).not.toBe(failed.operationId);
    expect(await sites.get(site.tenantId, site.siteId)).toMatchObject({
      status: 'ACTIVE',
      lastError: null,
      wpSiteId: broken.wpSiteId,
    });
    expect(await blogsAt(host)).toEqual([String(broken.wpSiteId)]);
    expect(retried.steps.find((step) => step.name === 'count-template-usage')?.output).toEqual({
      skipped: true,
    });
    expect((await templates.get(template.templateId))!.usageCount).toBe(1);
    expect((await catalogue.get(plugin.pluginId))!.installCount).toBe(1);
    expect(await installed.get(site.siteId, plugin.pluginId)).toMatchObject({
      pluginFile: SETTINGS_PLUGIN,
      isActive: true,
    });
    const activePlugins = await cloud.cloud.mariadb!.query(
      `SELECT option_value FROM wp_${broken.wpSiteId}_options WHERE option_name = 'active_plugins'`,
      `${instance.slug}_dev_db`,
    );
    expect(activePlugins).toContain(`${SETTINGS_PLUGIN}.php`);
    const home = await eventually(async () => {
      const answer = await visit(albUrl, host);
      return answer.status === 200 ? answer : undefined;
    }, 30_000);
    expect(home.body).toContain(TEMPLATE_HOME_TEXT);
  });
});
