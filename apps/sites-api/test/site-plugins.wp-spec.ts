import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CataloguePluginDao, type CataloguePlugin } from '@bbws/data-access-catalogue';
import { InstanceDao, type Instance } from '@bbws/data-access-instances';
import { InstalledPluginDao, SiteDao, type Site } from '@bbws/data-access-sites';
import { LocalInstanceAgentAccess } from '@bbws/integrations-instance-agents';
import { WordPressClient, type WordPressConnection } from '@bbws/integrations-wordpress-client';
import { createSqsClient, ensureQueues, type SqsClient } from '@bbws/platform-sqs';
import { loadHostingEnvironments } from '@bbws/shared-config';
import { newId } from '@bbws/shared-util';
import { newTestUser, startTestApi, type TestApi, type TestUser } from '@bbws/testing-e2e';
import { startSqs, type RunningEngine } from '@bbws/testing-engines';
import { buildCataloguePlugin, TestClock, testDynamoContext } from '@bbws/testing-factories';
import { buildInstance } from '@bbws/testing-instances';
import { buildInstalledPlugin, buildSite, uniqueSubdomain } from '@bbws/testing-sites';
import { startWordPressNetwork, type WordPressNetwork } from '@bbws/testing-wordpress';
import {
  buildConflictingPlugin,
  buildFatalSettingsPlugin,
  buildSettingsPlugin,
  CONFLICTING_PLUGIN,
  SETTINGS_PLUGIN,
  startArtifactServer,
  type ArtifactServer,
  type FixturePlugin,
} from '@bbws/testing-wordpress-fixtures';
import { AppModule } from '../src/app.module';
import { loadSitesApiConfig } from '../src/config/sites-api.config';
import { SITES_API_DESCRIPTION } from '../src/openapi';

jest.setTimeout(180_000);

/**
 * The synchronous routes that call WordPress (plugin status and configuration, site health) against a
 * real multisite network with the agent: an ACTIVE instance record pointing at it, its agent secret in
 * the local runtime's secrets file the sites API reads, sites created on the network through the client.
 */
describe('sites-api on a real WordPress network: plugin status and configuration, site health', () => {
  let net: WordPressNetwork;
  let artifacts: ArtifactServer;
  let engine: RunningEngine;
  let sqs: SqsClient;
  let api: TestApi;
  let admin: TestUser;
  let dataDir: string;
  let instance: Instance;
  let connection: WordPressConnection;
  const clock = TestClock.running();
  const db = testDynamoContext(clock);
  const sites = new SiteDao(db);
  const instances = new InstanceDao(db);
  const catalogue = new CataloguePluginDao(db);
  const installed = new InstalledPluginDao(db);
  const wordpress = new WordPressClient();

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) =>
    api.request({ method, url, token: admin.token, body });
  const packageOf = (fixture: FixturePlugin) => ({
    packageUrl: artifacts.put(`${fixture.plugin}-${fixture.version}.zip`, fixture.bytes),
    sha256: fixture.sha256,
  });
  const option = async (site: Site, name: string) =>
    (
      await net.query(`SELECT option_value FROM wp_${site.wpSiteId}_options WHERE option_name = '${name}'`)
    ).trim();

  /** An ACTIVE site on the network (its blog created through the agent), stored as the workers leave it. */
  async function activeSite(overrides: Partial<Site> = {}): Promise<{ site: Site; url: string }> {
    const subdomain = uniqueSubdomain();
    const host = net.hostFor(subdomain);
    const created = await wordpress.createSite(connection, {
      domain: host,
      title: 'Shop',
      adminEmail: 'o@example.com',
    });
    const site = buildSite({
      tenantId: instance.tenantId,
      instanceId: instance.instanceId,
      environment: 'DEV',
      subdomain,
      siteUrl: `http://${host}:${new URL(net.baseUrl).port}`,
      status: 'ACTIVE',
      wpSiteId: created.blogId,
      ...overrides,
    });
    await sites.create(site, 100);
    return { site, url: `/v1.0/tenants/${site.tenantId}/sites/${site.siteId}` };
  }

  /** The plugin on the site (active unless told otherwise), recorded there, in the catalogue. */
  async function withPlugin(site: Site, fixture: FixturePlugin, isActive = true): Promise<CataloguePlugin> {
    const plugin = buildCataloguePlugin({ pluginFile: fixture.plugin, latestVersion: fixture.version });
    await catalogue.create(plugin);
    const ref = { blogId: site.wpSiteId!, host: new URL(site.siteUrl).hostname };
    if (isActive)
      await wordpress.applyTemplate(connection, ref, {
        plugins: [{ plugin: fixture.plugin, ...packageOf(fixture) }],
      });
    // Installed on the network only: not active on the site.
    else await wordpress.installPlugin(connection, packageOf(fixture));
    await installed.put(
      buildInstalledPlugin({
        siteId: site.siteId,
        pluginId: plugin.pluginId,
        pluginFile: fixture.plugin,
        isActive,
      }),
    );
    return plugin;
  }

  beforeAll(async () => {
    [net, artifacts, engine] = await Promise.all([
      startWordPressNetwork(),
      startArtifactServer(),
      startSqs({ region: process.env.AWS_REGION }),
    ]);
    sqs = createSqsClient({ region: process.env.AWS_REGION ?? 'us-east-1', endpoint: engine.endpoint });
    await ensureQueues(sqs, 'test');
    dataDir = await mkdtemp(join(tmpdir(), 'bbws-sites-api-wp-'));
    const environments = JSON.stringify({
      DEV: { siteUrl: { scheme: 'http', port: Number(new URL(net.baseUrl).port) } },
    });
    const built = buildInstance({ tenantId: newId('tenant'), status: 'ACTIVE', environment: 'DEV' });
    instance = { ...built, resources: { ...built.resources, host: net.networkDomain } };
    await instances.create(instance);
    const access = new LocalInstanceAgentAccess(
      dataDir,
      loadHostingEnvironments({ HOSTING_ENVIRONMENTS: environments }, 'local'),
    );
    const secrets = access.secretsFile(instance);
    await mkdir(dirname(secrets), { recursive: true });
    await writeFile(secrets, JSON.stringify({ databasePassword: 'unused', agentSecret: net.agentSecret }), {
      mode: 0o600,
    });
    connection = {
      baseUrl: net.baseUrl,
      hostHeader: net.networkDomain,
      tenantId: instance.tenantId,
      credentials: { agentSecret: net.agentSecret },
    };
    const config = loadSitesApiConfig({
      ...process.env,
      SQS_ENDPOINT: engine.endpoint,
      ACCESS_CACHE_TTL_MS: '0',
      LOG_LEVEL: 'silent',
      BBWS_DATA_DIR: dataDir,
      HOSTING_ENVIRONMENTS: environments,
    });
    api = await startTestApi(AppModule.register({ config, clock }), SITES_API_DESCRIPTION);
    admin = await newTestUser({ platformAdmin: true, name: 'Platform Admin' });
  }, 10 * 60_000);
  afterAll(async () => {
    await api?.close();
    sqs?.destroy();
    await Promise.all([net?.stop(), artifacts?.stop(), engine?.stop()]);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('PUT .../status deactivates and POST .../toggle activates the plugin on the site, then the record', async () => {
    const { site, url } = await activeSite();
    const plugin = await withPlugin(site, buildSettingsPlugin('1.0.0'));
    const pluginUrl = `${url}/plugins/${plugin.pluginId}`;

    const off = await call('PUT', `${pluginUrl}/status`, { isActive: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ pluginId: plugin.pluginId, isActive: false, installedVersion: '1.0.0' });
    expect(await option(site, 'active_plugins')).not.toContain(SETTINGS_PLUGIN);
    expect(await installed.get(site.siteId, plugin.pluginId)).toMatchObject({ isActive: false, version: 2 });

    const on = await call('POST', `${pluginUrl}/toggle`, { isActive: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ isActive: true });
    expect(await option(site, 'active_plugins')).toContain(`${SETTINGS_PLUGIN}.php`);
    expect(await installed.get(site.siteId, plugin.pluginId)).toMatchObject({ isActive: true, version: 3 });
  });

  it('answers 409 PLUGIN_CONFLICT when WordPress refuses an activation next to a conflicting active plugin', async () => {
    const { site, url } = await activeSite();
    await withPlugin(site, buildSettingsPlugin('1.0.0'));
    const rival = await withPlugin(site, buildConflictingPlugin(), false);

    const refused = await call('PUT', `${url}/plugins/${rival.pluginId}/status`, { isActive: true });

    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'PLUGIN_CONFLICT' });
    expect(await option(site, 'active_plugins')).not.toContain(CONFLICTING_PLUGIN);
    expect(await installed.get(site.siteId, rival.pluginId)).toMatchObject({ isActive: false, version: 1 });
  });

  it("PUT .../config stores the configuration as JSON in the site's option, then on the record", async () => {
    const { site, url } = await activeSite();
    const plugin = await withPlugin(site, buildSettingsPlugin('1.0.0'));
    const configuration = { apiKey: 'k-2', nested: { limit: 5, tags: ['a', 'b'] } };

    const response = await call('PUT', `${url}/plugins/${plugin.pluginId}/config`, { configuration });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ pluginId: plugin.pluginId, configuration });
    expect(JSON.parse(await option(site, 'bbws_plugin_config_bbws-fixture-settings'))).toEqual(configuration);
    expect(await installed.get(site.siteId, plugin.pluginId)).toMatchObject({ configuration });
  });

  it('GET .../health checks the home page and the agent, keeps the status on the site, and sees a fatal', async () => {
    const { site, url } = await activeSite();
    await withPlugin(site, buildSettingsPlugin('2.0.0'));

    const healthy = await call('GET', `${url}/health`);
    expect(healthy.status).toBe(200);
    expect(healthy.body).toMatchObject({
      checkedAt: expect.any(String),
      responseTimeMs: expect.any(Number),
      _links: { self: { href: `${url}/health` }, site: { href: url } },
    });
    expect(healthy.body.checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'home_page', status: 'PASS' }),
        expect.objectContaining({ name: 'database', status: 'PASS' }),
        expect.objectContaining({ name: 'last_request', status: 'PASS' }),
      ]),
    );
    expect(healthy.body.status).not.toBe('UNKNOWN');
    expect((await sites.get(site.tenantId, site.siteId))!.healthStatus).toBe(healthy.body.status);

    await wordpress.updatePlugin(connection, SETTINGS_PLUGIN, packageOf(buildFatalSettingsPlugin()));
    try {
      const broken = await call('GET', `${url}/health`);
      expect(broken.body.status).toBe('UNHEALTHY');
      expect(broken.body.checks).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: 'home_page',
            status: 'FAIL',
            message: expect.stringContaining('500'),
          }),
          expect.objectContaining({ name: 'last_request', status: 'FAIL' }),
        ]),
      );
      expect((await sites.get(site.tenantId, site.siteId))!.healthStatus).toBe('UNHEALTHY');
    } finally {
      await wordpress.updatePlugin(connection, SETTINGS_PLUGIN, packageOf(buildSettingsPlugin('2.0.0')));
    }
  });

  it('GET .../health is UNKNOWN without calling WordPress for a site that is not ACTIVE, and when the agent is down', async () => {
    const { site: suspended, url: suspendedUrl } = await activeSite({ status: 'SUSPENDED' });
    const notActive = await call('GET', `${suspendedUrl}/health`);
    expect(notActive.status).toBe(200);
    expect(notActive.body).toMatchObject({
      status: 'UNKNOWN',
      responseTimeMs: null,
      checks: [{ name: 'site_status', status: 'WARN', message: expect.stringContaining('SUSPENDED') }],
    });
    expect(await sites.get(suspended.tenantId, suspended.siteId)).toMatchObject({
      version: 1,
      healthStatus: 'UNKNOWN',
    });

    const { site, url } = await activeSite();
    await net.stopWorkers();
    try {
      const down = await call('GET', `${url}/health`);
      expect(down.status).toBe(200);
      expect(down.body.status).toBe('UNKNOWN');
      expect(down.body.checks).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'home_page', status: 'FAIL' }),
          expect.objectContaining({ name: 'wordpress_agent', status: 'WARN' }),
        ]),
      );
    } finally {
      await net.startWorkers();
    }
    expect((await sites.get(site.tenantId, site.siteId))!.healthStatus).toBe('UNKNOWN');
  });
});
