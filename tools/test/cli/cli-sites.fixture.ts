/* eslint-disable @nx/enforce-module-boundaries -- the CLI runs in-process against the test platform */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  CataloguePluginDao,
  TemplateDao,
  type CataloguePlugin,
  type Template,
} from '@bbws/data-access-catalogue';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { InstanceDao, type Instance } from '@bbws/data-access-instances';
import {
  BackupDao,
  InstalledPluginDao,
  SiteDao,
  type Backup,
  type InstalledPlugin,
  type Site,
} from '@bbws/data-access-sites';
import { newId } from '@bbws/shared-util';
import { newTestUser } from '@bbws/testing-e2e';
import {
  buildAuditEvent,
  buildCataloguePlugin,
  buildMember,
  seedTenant,
  tenantTableDaos,
  testDynamoContext,
} from '@bbws/testing-factories';
import { buildInstance } from '@bbws/testing-instances';
import { buildBackup, buildInstalledPlugin, buildSite } from '@bbws/testing-sites';
import { runCli } from '../../../apps/cli/src/program';

export { EXIT } from '../../../apps/cli/src/runtime/exit-codes';
import { startTestPlatform, type TestPlatform, type TestPlatformOptions } from '../platform/test-platform';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

let counter = 0;
const unique = (prefix: string) => {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
};

/**
 * `bbws` run in-process (`runCli`) against the test platform's front door, with the tenants, instances,
 * sites and catalogue entries it works on stored straight into the tables (the local cloud and
 * WordPress are not part of the harness).
 */
export class CliSitesFixture {
  private readonly db: DynamoContext = testDynamoContext();
  readonly instances = new InstanceDao(this.db);
  readonly sites = new SiteDao(this.db);
  private readonly backups = new BackupDao(this.db);
  private readonly installed = new InstalledPluginDao(this.db);
  private readonly tenants = tenantTableDaos(this.db).tenants;
  private readonly members = tenantTableDaos(this.db).members;

  private constructor(
    readonly platform: TestPlatform,
    readonly adminToken: string,
    private readonly configDir: string,
  ) {}

  static async start(options: TestPlatformOptions = {}): Promise<CliSitesFixture> {
    const configDir = await mkdtemp(path.join(tmpdir(), 'bbws-cli-sites-'));
    const platform = await startTestPlatform(options);
    return new CliSitesFixture(platform, await platform.adminToken(), configDir);
  }

  async close(): Promise<void> {
    await this.platform.close();
    await rm(this.configDir, { recursive: true, force: true });
  }

  /** `bbws --api <front door> --token <token> …argv`, its exit code and what it wrote. */
  async bbws(token: string, ...argv: string[]): Promise<CliRun> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: string[] = [];
    const err: string[] = [];
    stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
    stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
    const code = await runCli(['--api', this.platform.url, '--token', token, ...argv], {
      stdout,
      stderr,
      env: { BBWS_CONFIG_DIR: this.configDir },
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  /** `bbws --json …`: its stdout parsed (exit code 0 expected). */
  async json<T = any>(token: string, ...argv: string[]): Promise<T> {
    const run = await this.bbws(token, '--json', ...argv);
    if (run.code !== 0) throw new Error(`bbws ${argv.join(' ')} exited ${run.code}: ${run.stderr}`);
    return JSON.parse(run.stdout) as T;
  }

  /** The API's own answer to a GET, for comparing with what `--json` printed. */
  async apiGet<T = any>(token: string, route: string): Promise<T> {
    const response = await fetch(`${this.platform.url}${route}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await response.json()) as T;
  }

  /** An ACTIVE tenant with a member of `role` (stored as the tenants API stores them) and that member's token. */
  async tenantWithMember(role: 'ADMIN' | 'OPERATOR' | 'VIEWER' = 'ADMIN') {
    const tenant = await seedTenant(this.tenants, {
      organizationName: unique('CLI Sites '),
      status: 'ACTIVE',
    });
    const user = await newTestUser();
    const now = new Date();
    await this.members.add(
      buildMember(
        { tenantId: tenant.tenantId, userId: user.userId, email: user.email, name: user.name, role },
        now,
      ),
      buildAuditEvent({ tenantId: tenant.tenantId, actor: 'usr-admin', action: 'MEMBER_ADDED' }, now),
    );
    return { tenantId: tenant.tenantId, token: user.token };
  }

  /** An instance stored directly, ACTIVE in DEV unless told otherwise. */
  async instance(tenantId: string, overrides: Partial<Instance> = {}): Promise<Instance> {
    const instance = buildInstance({ tenantId, status: 'ACTIVE', wordpressVersion: '6.6', ...overrides });
    await this.instances.create(instance);
    return instance;
  }

  /** A site stored directly on the instance, ACTIVE unless told otherwise. */
  async site(instance: Instance, overrides: Partial<Site> = {}): Promise<Site> {
    const site = buildSite({
      tenantId: instance.tenantId,
      instanceId: instance.instanceId,
      environment: instance.environment,
      wordpressVersion: instance.wordpressVersion,
      status: 'ACTIVE',
      ...overrides,
    });
    await this.sites.create(site, 100);
    return site;
  }

  /** A backup of the site stored directly (IN_PROGRESS unless told otherwise). */
  async backup(site: Site, overrides: Partial<Backup> = {}): Promise<Backup> {
    const backup = buildBackup({ tenantId: site.tenantId, siteId: site.siteId, ...overrides });
    await this.backups.create(backup);
    return backup;
  }

  /** The site's record of an installed catalogue plugin. */
  async installedPlugin(site: Site, plugin: CataloguePlugin, overrides: Partial<InstalledPlugin> = {}) {
    const installed = buildInstalledPlugin({
      siteId: site.siteId,
      pluginId: plugin.pluginId,
      pluginFile: plugin.pluginFile,
      ...overrides,
    });
    await this.installed.put(installed);
    return installed;
  }

  async plugin(overrides: Partial<CataloguePlugin> = {}): Promise<CataloguePlugin> {
    const plugin = buildCataloguePlugin(overrides);
    await new CataloguePluginDao(this.db).create(plugin);
    return plugin;
  }

  /** A PUBLISHED template named `name` (unique per call unless given). */
  async template(overrides: Partial<Template> = {}): Promise<Template> {
    const now = new Date().toISOString();
    const template: Template = {
      templateId: newId('tpl'),
      name: unique('Template '),
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
      createdBy: 'usr-admin',
      updatedAt: now,
      version: 1,
      ...overrides,
    };
    await new TemplateDao(this.db).create(template);
    return template;
  }

  /** A word no other entry of the catalogue has (for `--search`). */
  uniqueWord(prefix: string): string {
    return unique(prefix);
  }
}
