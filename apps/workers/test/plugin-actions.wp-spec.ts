import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CataloguePlugin } from '@bbws/data-access-catalogue';
import { type Instance } from '@bbws/data-access-instances';
import { type Site } from '@bbws/data-access-sites';
import { connectionOf, LocalInstanceAgentAccess } from '@bbws/integrations-instance-agents';
import { WordPressClient, type SiteRef, type WordPressConnection } from '@bbws/integrations-wordpress-client';
import { loadHostingEnvironments } from '@bbws/shared-config';
import { MESSAGES, type MessageContract, type Operation } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import { eventually } from '@bbws/testing-engines';
import { buildCataloguePlugin, buildPluginVersion, buildVulnerability } from '@bbws/testing-factories';
import { buildInstance, startTestLocalCloud, type TestLocalCloud } from '@bbws/testing-instances';
import { buildSite, uniqueSubdomain } from '@bbws/testing-sites';
import {
  buildFatalSettingsPlugin,
  buildSettingsPlugin,
  SETTINGS_PLUGIN,
  SETTINGS_PLUGIN_OPTION,
  type FixturePackage,
} from '@bbws/testing-wordpress-fixtures';
import { visit } from './site-creation.seed';
import { startWorkersApp, type WorkersAppFixture } from './workers-app.fixture';
import { siteStores } from './site-test.stores';
import { launchInstanceOperation } from './instance-operation.launch';

jest.setTimeout(300_000);

const CONFIG_OPTION = 'bbws_plugin_config_bbws-fixture-settings';

/**
 * Plugin actions on a real instance of the local cloud, one catalogue plugin (the settings fixture:
 * 1.0.0, 2.0.0, a 3.0.0 that fatals front-end pages, a vulnerable 0.9.0) taken through its life on the
 * instance's sites, in order: install, update (a second site's copy follows), a broken update rolled back,
 * a vulnerable version and one other than the sites share refused, uninstall.
 */
describe('workers: plugin actions on a real WordPress instance (local cloud)', () => {
  let cloud: TestLocalCloud;
  let fx: WorkersAppFixture;
  let instance: Instance;
  let albUrl: string;
  let plugin: CataloguePlugin;
  let siteA: Site;
  /** A second site of the instance with the plugin installed, inactive. */
  let siteB: Site;
  const { instances, sites, catalogue, installed, artifacts } = siteStores();
  let connection: WordPressConnection;
  const wordpress = new WordPressClient();

  async function finished(operationId: string): Promise<Operation> {
    return eventually(async () => {
      const seen = await fx.operations.get(operationId);
      return seen && ['COMPLETED', 'FAILED'].includes(seen.status) ? seen : undefined;
    }, 240_000);
  }

  async function launch(
    contract: MessageContract<object>,
    site: Site,
    payload: object,
    resourceType = 'site',
  ) {
    const operation = await fx.launcher.launch({
      contract,
      tenantId: site.tenantId,
      resourceType,
      resourceId: site.siteId,
      createdBy: 'user-1',
      correlationId: newId('evt'),
      payload,
    });
    return finished(operation.operationId);
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

  /** A new ACTIVE network site on the instance, made by the site-creation worker. */
  async function activeSite(): Promise<Site> {
    const subdomain = uniqueSubdomain();
    const site = buildSite({
      tenantId: instance.tenantId,
      instanceId: instance.instanceId,
      environment: instance.environment,
      subdomain,
      siteUrl: `http://${subdomain}.dev.localhost:${new URL(albUrl).port}`,
    });
    await sites.create(site, 5);
    const created = await launch(MESSAGES.SITE_CREATION as MessageContract<object>, site, {
      siteId: site.siteId,
      siteName: site.siteName,
      subdomain: site.subdomain,
      environment: site.environment,
      instanceId: site.instanceId,
    });
    expect(created).toMatchObject({ status: 'COMPLETED' });
    return (await sites.get(site.tenantId, site.siteId))!;
  }

  const refOf = (site: Site): SiteRef => ({ blogId: site.wpSiteId!, host: new URL(site.siteUrl).hostname });
  const install = (site: Site, version?: string, activate = true) =>
    launch(MESSAGES.PLUGIN_INSTALLATION as MessageContract<object>, site, {
      siteId: site.siteId,
      pluginId: plugin.pluginId,
      activate,
      ...(version ? { version } : {}),
    });
  const update = (site: Site, version?: string) =>
    launch(MESSAGES.PLUGIN_UPDATE as MessageContract<object>, site, {
      siteId: site.siteId,
      pluginId: plugin.pluginId,
      ...(version ? { version } : {}),
    });
  const uninstall = (site: Site) =>
    launch(MESSAGES.PLUGIN_UNINSTALLATION as MessageContract<object>, site, {
      siteId: site.siteId,
      pluginId: plugin.pluginId,
    });
  /** The version in the plugin's files on the network (null: no files). */
  async function networkVersion(): Promise<string | null> {
    const file = join(
      cloud.dataDir,
      'instances',
      'dev',
      instance.slug,
      'wp-content',
      'plugins',
      `${SETTINGS_PLUGIN}.php`,
    );
    const text = await readFile(file, 'utf8').catch(() => null);
    return text?.match(/^ \* Version: (.+)$/m)?.[1] ?? null;
  }
  const option = (site: Site, name: string) =>
    cloud.cloud.mariadb!.query(
      `SELECT option_value FROM wp_${site.wpSiteId}_options WHERE option_name = '${name}'`,
      `${instance.slug}_dev_db`,
    );
  const installCount = async () => (await catalogue.get(plugin.pluginId))!.installCount;

  async function upload(pkg: FixturePackage) {
    const key = `packages/plugins/fixture/${pkg.sha256}.zip`;
    await artifacts.put(key, pkg.bytes);
    return { key, sha256: pkg.sha256, size: pkg.bytes.length };
  }

  beforeAll(async () => {
    cloud = await startTestLocalCloud();
    albUrl = cloud.cloud.endpoints.alb;
    const environments = JSON.stringify({
      DEV: { siteUrl: { scheme: 'http', port: Number(new URL(albUrl).port) } },
    });
    fx = await startWorkersApp({
      WORKERS: 'instance-provision,site-creation,site-update',
      ...cloud.env,
      HOSTING_ENVIRONMENTS: environments,
      WORKER_QUEUES: JSON.stringify({
        'site-creation': { visibilityTimeoutSeconds: 30 },
        'site-update': { visibilityTimeoutSeconds: 60 },
      }),
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
    const access = new LocalInstanceAgentAccess(
      cloud.dataDir,
      loadHostingEnvironments({ HOSTING_ENVIRONMENTS: environments }, 'local'),
    );
    connection = await connectionOf(access, instance);
    plugin = buildCataloguePlugin({
      pluginFile: SETTINGS_PLUGIN,
      versions: [
        buildPluginVersion('3.0.0', { packageArtifact: await upload(buildFatalSettingsPlugin()) }),
        buildPluginVersion('2.0.0', { packageArtifact: await upload(buildSettingsPlugin('2.0.0')) }),
        buildPluginVersion('1.0.0', { packageArtifact: await upload(buildSettingsPlugin('1.0.0')) }),
        buildPluginVersion('0.9.0', { vulnerabilities: [buildVulnerability()] }),
      ],
    });
    await catalogue.create(plugin);
    siteA = await activeSite();
  }, 15 * 60_000);
  afterAll(async () => {
    await fx?.close();
    await cloud?.stop();
  });

  it('installs the asked version from the artifact store, activates it on the site and counts it once', async () => {
    const done = await install(siteA, '1.0.0');

    expect(done).toMatchObject({
      status: 'COMPLETED',
      result: { pluginId: plugin.pluginId, version: '1.0.0' },
    });
    expect(done.steps.map((step) => step.name)).toEqual(['install-plugin', 'record-plugin', 'count-install']);
    expect(await installed.get(siteA.siteId, plugin.pluginId)).toMatchObject({
      pluginFile: SETTINGS_PLUGIN,
      installedVersion: '1.0.0',
      previousVersion: null,
      isActive: true,
      configuration: {},
    });
    expect(await option(siteA, 'active_plugins')).toContain(`${SETTINGS_PLUGIN}.php`);
    expect(await networkVersion()).toBe('1.0.0');
    expect(await installCount()).toBe(1);
  });

  it("updates 1.0.0 to 2.0.0 after a health baseline, keeping the configuration; the instance's other sites follow", async () => {
    siteB = await activeSite();
    const added = await install(siteB, '1.0.0', false);
    expect([added.status, added.error]).toEqual(['COMPLETED', null]);
    expect(await installed.get(siteB.siteId, plugin.pluginId)).toMatchObject({ isActive: false });
    expect(await installCount()).toBe(2);
    await wordpress.setPluginConfig(connection, refOf(siteA), SETTINGS_PLUGIN, { apiKey: 'k-1', limit: 3 });
    const record = (await installed.get(siteA.siteId, plugin.pluginId))!;
    await installed.update(record, record.version, { configuration: { apiKey: 'k-1', limit: 3 } });

    const done = await update(siteA, '2.0.0');

    expect(done).toMatchObject({
      status: 'COMPLETED',
      result: { version: '2.0.0', previousVersion: '1.0.0' },
    });
    expect(done.steps.find((step) => step.name === 'prepare')?.output).toMatchObject({
      previousVersion: '1.0.0',
      targetVersion: '2.0.0',
    });
    expect(done.steps.find((step) => step.name === 'check-health')?.output).toMatchObject({
      checks: expect.arrayContaining([expect.objectContaining({ name: 'home_page', status: 'PASS' })]),
    });
    expect(await installed.get(siteA.siteId, plugin.pluginId)).toMatchObject({
      installedVersion: '2.0.0',
      previousVersion: '1.0.0',
      isActive: true,
      configuration: { apiKey: 'k-1', limit: 3 },
    });
    expect(await networkVersion()).toBe('2.0.0');
    expect(JSON.parse((await option(siteA, CONFIG_OPTION)).trim())).toEqual({ apiKey: 'k-1', limit: 3 });
    expect(await option(siteA, SETTINGS_PLUGIN_OPTION)).toContain('greeting');
    expect(await option(siteA, 'active_plugins')).toContain(`${SETTINGS_PLUGIN}.php`);
    // One copy of the plugin on the network: the other site's record moved with it.
    expect(await installed.get(siteB.siteId, plugin.pluginId)).toMatchObject({
      installedVersion: '2.0.0',
      previousVersion: '1.0.0',
      isActive: false,
    });
  });

  it('rolls back an update that fatals the site and fails the operation saying so, the site ACTIVE', async () => {
    const host = new URL(siteA.siteUrl).hostname;
    expect((await visit(albUrl, host)).status).toBe(200);

    const done = await update(siteA, '3.0.0');

    expect(done).toMatchObject({
      status: 'FAILED',
      error: { code: 'PLUGIN_UPDATE_ROLLED_BACK', message: expect.stringContaining('rolled back to 2.0.0') },
    });
    expect(done.steps.find((step) => step.name === 'check-health')?.output).toMatchObject({
      status: 'UNHEALTHY',
      checks: expect.arrayContaining([expect.objectContaining({ name: 'home_page', status: 'FAIL' })]),
    });
    expect(done.steps.find((step) => step.name === 'roll-back')).toMatchObject({
      status: 'COMPLETED',
      output: { version: '2.0.0' },
    });
    expect(done.steps.find((step) => step.name === 'check-health-after-rollback')?.output).toMatchObject({
      checks: expect.arrayContaining([expect.objectContaining({ name: 'home_page', status: 'PASS' })]),
    });
    expect(await networkVersion()).toBe('2.0.0');
    expect((await visit(albUrl, host)).status).toBe(200);
    expect(await installed.get(siteA.siteId, plugin.pluginId)).toMatchObject({
      installedVersion: '2.0.0',
      isActive: true,
      configuration: { apiKey: 'k-1', limit: 3 },
    });
    expect(await option(siteA, 'active_plugins')).toContain(`${SETTINGS_PLUGIN}.php`);
    expect(await sites.get(siteA.tenantId, siteA.siteId)).toMatchObject({
      status: 'ACTIVE',
      lastError: { code: 'PLUGIN_UPDATE_ROLLED_BACK', operationId: done.operationId },
    });
  });

  it('fails a version the catalogue refuses (vulnerable) without touching the site, which stays ACTIVE', async () => {
    const site = await activeSite();

    const done = await install(site, '0.9.0');

    expect(done).toMatchObject({ status: 'FAILED', error: { code: 'PLUGIN_NOT_INSTALLABLE' } });
    expect(await installed.get(site.siteId, plugin.pluginId)).toBeNull();
    expect(await sites.get(site.tenantId, site.siteId)).toMatchObject({
      status: 'ACTIVE',
      lastError: { code: 'PLUGIN_NOT_INSTALLABLE', operationId: done.operationId },
    });
    expect(await installCount()).toBe(2);
  });

  it("refuses another version than the one the instance's sites share", async () => {
    const siteC = await activeSite();

    const other = await install(siteC, '1.0.0');

    expect(other).toMatchObject({
      status: 'FAILED',
      error: { code: 'PLUGIN_VERSION_CONFLICT', message: expect.stringContaining('2.0.0') },
    });
    expect(await installed.get(siteC.siteId, plugin.pluginId)).toBeNull();
    expect(await networkVersion()).toBe('2.0.0');
  });

  it('uninstalls: deactivated and uncounted, the files kept while another site has the plugin, then removed', async () => {
    const first = await uninstall(siteA);
    expect(first).toMatchObject({ status: 'COMPLETED', result: { filesRemoved: false } });
    expect(first.steps.find((step) => step.name === 'remove-files')?.output).toMatchObject({
      keptFor: [siteB.siteId],
    });
    expect(await installed.get(siteA.siteId, plugin.pluginId)).toBeNull();
    expect(await option(siteA, 'active_plugins')).not.toContain(SETTINGS_PLUGIN);
    expect(await networkVersion()).toBe('2.0.0');
    expect(await installCount()).toBe(1);

    const last = await uninstall(siteB);
    expect(last).toMatchObject({ status: 'COMPLETED', result: { filesRemoved: true } });
    expect(await networkVersion()).toBeNull();
    expect(await installCount()).toBe(0);
  });
});
