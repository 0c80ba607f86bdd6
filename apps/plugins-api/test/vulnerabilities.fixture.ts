import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CataloguePlugin,
  type PluginVersion,
  type PluginVulnerability,
} from '@bbws/data-access-catalogue';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { buildCataloguePlugin as buildCatalogueEntry, buildPluginVersion } from '@bbws/testing-factories';
import type { TestResponse } from '@bbws/testing-e2e';
import type { PluginsFixture } from './plugins-api.fixture';

export const IMPORT_URL = '/v1.0/admin/plugins/vulnerabilities/import';

/** The sample Wordfence Intelligence v2 feed (test/fixtures). */
export function sampleFeed(): Record<string, any> {
  return JSON.parse(readFileSync(path.join(__dirname, 'fixtures/wordfence-feed.sample.json'), 'utf8'));
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
  return buildPluginVersion(version, { minWordPressVersion: null, vulnerabilities });
}

export function buildCataloguePlugin(wpSlug: string, versions: PluginVersion[]): CataloguePlugin {
  return buildCatalogueEntry({ wpSlug, name: wpSlug, category: 'OTHER', versions });
}

/** The feed import on the plugins e2e fixture: seeding the catalogue, importing, reading the marks. */
export class VulnerabilityImports {
  constructor(readonly fixture: PluginsFixture) {}

  importFeed<T = any>(body: unknown, token: string = this.fixture.admin.token): Promise<TestResponse<T>> {
    return this.fixture.call<T>('POST', IMPORT_URL, token, body);
  }

  /** A VULNERABILITY_FEED upload slot and the real PUT of `text` through its presigned URL. */
  uploadFeed(text: string): Promise<string> {
    return this.fixture.upload(Buffer.from(text), 'application/json', 'VULNERABILITY_FEED');
  }

  /** A plugin stored directly (its packages are not the import's concern). */
  async seed(wpSlug: string, versions: PluginVersion[]): Promise<CataloguePlugin> {
    const plugin = buildCataloguePlugin(wpSlug, versions);
    await this.fixture.plugins.create(plugin);
    return plugin;
  }

  /** Each version's vulnerabilities as `SOURCE:id`, as stored. */
  async marks(pluginId: string): Promise<Record<string, string[]>> {
    const plugin = await this.fixture.stored(pluginId);
    return Object.fromEntries(
      plugin.versions.map((entry) => [
        entry.version,
        entry.vulnerabilities.map((vulnerability) => `${vulnerability.source}:${vulnerability.id}`),
      ]),
    );
  }
}
