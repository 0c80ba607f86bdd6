import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  CataloguePluginDao,
  type CataloguePlugin,
  type PluginVersion,
  type PluginVulnerability,
} from '@bbws/data-access-catalogue';
import { createDynamoClient, ensureTables, type DynamoContext } from '@bbws/data-access-dynamo';
import { newTestUser, startTestApi, type TestApi, type TestResponse, type TestUser } from '@bbws/testing-e2e';
import { testDynamoContext } from '@bbws/testing-factories';
import { newId } from '@bbws/shared-util';
import { AppModule } from '../src/app.module';
import { loadPluginsApiConfig } from '../src/config/plugins-api.config';
import { PLUGINS_API_DESCRIPTION } from '../src/openapi';

export const IMPORT_URL = '/v1.0/admin/plugins/vulnerabilities/import';

/** The sample Wordfence Intelligence v2 feed (test/fixtures). */
export function sampleFeed(): Record<string, any> {
  return JSON.parse(readFileSync(path.join(__dirname, 'fixtures/wordfence-feed.sample.json'), 'utf8'));
}

/**
 * A sites table of the suite's own: an import reads and rewrites the whole catalogue, so it must
 * not see (or change) the plugins of suites running next to it.
 */
export async function isolatedSitesContext(label: string): Promise<DynamoContext> {
  const db = testDynamoContext();
  const tables = { ...db.tables, sites: `bbws-sites-${label}-${randomUUID()}` };
  await ensureTables(
    createDynamoClient({
      region: process.env.AWS_REGION ?? 'us-east-1',
      endpoint: process.env.DYNAMODB_ENDPOINT,
    }),
    tables,
  );
  return { ...db, tables };
}

/** Removes every item of the suite's own sites table (each test starts from an empty catalogue). */
export async function emptyTable(db: DynamoContext): Promise<void> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new ScanCommand({
        TableName: db.tables.sites,
        ProjectionExpression: 'PK, SK',
        ExclusiveStartKey: startKey,
      }),
    );
    const keys = page.Items ?? [];
    for (let i = 0; i < keys.length; i += 25)
      await db.client.send(
        new BatchWriteCommand({
          RequestItems: {
            [db.tables.sites]: keys.slice(i, i + 25).map((key) => ({ DeleteRequest: { Key: key } })),
          },
        }),
      );
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

export function buildVersion(version: string, vulnerabilities: PluginVulnerability[] = []): PluginVersion {
  return {
    version,
    packageArtifact: { key: `packages/plugins/p/${version}/p.zip`, sha256: 'a'.repeat(64), size: 10 },
    minWordPressVersion: null,
    requiresPhp: null,
    vulnerabilities,
    addedAt: '2026-01-01T00:00:00.000Z',
    addedBy: 'usr-admin',
  };
}

export function buildCataloguePlugin(wpSlug: string, versions: PluginVersion[]): CataloguePlugin {
  return {
    pluginId: newId('plg'),
    wpSlug,
    pluginFile: `${wpSlug}/${wpSlug}`,
    name: wpSlug,
    description: '',
    category: 'OTHER',
    pricing: 'FREE',
    isApproved: true,
    isBlocklisted: false,
    blocklistReason: null,
    blocklistedAt: null,
    blocklistedBy: null,
    latestVersion: versions[0]?.version ?? null,
    versions,
    conflictsWith: [],
    installCount: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'usr-admin',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  };
}

/** The plugins API in-process on a sites table of its own, with an admin and a customer. */
export class VulnerabilitiesFixture {
  readonly plugins: CataloguePluginDao;

  private constructor(
    readonly api: TestApi,
    readonly db: DynamoContext,
    readonly admin: TestUser,
    readonly customer: TestUser,
  ) {
    this.plugins = new CataloguePluginDao(db);
  }

  static async start(): Promise<VulnerabilitiesFixture> {
    const db = await isolatedSitesContext('vulnerabilities');
    const config = loadPluginsApiConfig({
      ...process.env,
      TABLE_SITES: db.tables.sites,
      ACCESS_CACHE_TTL_MS: '0',
      LOG_LEVEL: 'silent',
    });
    const api = await startTestApi(AppModule.register({ config }), PLUGINS_API_DESCRIPTION);
    const admin = await newTestUser({ platformAdmin: true, name: 'Platform Admin' });
    const customer = await newTestUser({ name: 'Customer' });
    return new VulnerabilitiesFixture(api, db, admin, customer);
  }

  close(): Promise<void> {
    return this.api.close();
  }

  call<T = any>(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
    token: string = this.admin.token,
  ): Promise<TestResponse<T>> {
    return this.api.request({ method, url, token, body });
  }

  importFeed<T = any>(body: unknown, token: string = this.admin.token): Promise<TestResponse<T>> {
    return this.call<T>('POST', IMPORT_URL, body, token);
  }

  async seed(wpSlug: string, versions: PluginVersion[]): Promise<CataloguePlugin> {
    const plugin = buildCataloguePlugin(wpSlug, versions);
    await this.plugins.create(plugin);
    return plugin;
  }

  async stored(pluginId: string): Promise<CataloguePlugin> {
    const plugin = await this.plugins.get(pluginId);
    if (!plugin) throw new Error(`no plugin ${pluginId}`);
    return plugin;
  }

  /** Each version's vulnerability ids (source-tagged), as stored. */
  async marks(pluginId: string): Promise<Record<string, string[]>> {
    const plugin = await this.stored(pluginId);
    return Object.fromEntries(
      plugin.versions.map((entry) => [
        entry.version,
        entry.vulnerabilities.map((vulnerability) => `${vulnerability.source}:${vulnerability.id}`),
      ]),
    );
  }
}
