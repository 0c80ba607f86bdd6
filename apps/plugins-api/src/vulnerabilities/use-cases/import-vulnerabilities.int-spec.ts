import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { CataloguePluginDao, cataloguePluginKeys, type CataloguePlugin } from '@bbws/data-access-catalogue';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import type { Caller } from '@bbws/platform-auth';
import { isolatedDynamoContext } from '@bbws/testing-factories';
import {
  buildCataloguePlugin,
  buildVersion,
  emptyTable,
  sampleFeed,
} from '../../../test/vulnerabilities.fixture';
import { VulnerabilityFeedSource } from '../vulnerability-feed.source';
import { ImportVulnerabilities } from './import-vulnerabilities';

const ADMIN: Caller = {
  userId: 'usr-admin',
  email: 'admin@example.test',
  emailVerified: true,
  name: 'Admin',
  isPlatformAdmin: true,
};
const SETTINGS_RECORD = '0b6f3c1e-6a61-4f9e-9d0c-2a7e5b1f4c01';
const noStore = {
  head: () => Promise.reject(new Error('inline feeds read no upload')),
  get: () => Promise.reject(new Error('inline feeds read no upload')),
};
const noUploads = { keyOf: (id: string) => id, discard: () => Promise.resolve() };

/** The real DAO, with another writer getting in before each of the first `times` replacements. */
class InterferedDao {
  replaced = 0;
  constructor(
    readonly dao: CataloguePluginDao,
    private times: number,
    private readonly interfere: (plugin: CataloguePlugin) => Promise<void>,
  ) {}
  listAll: CataloguePluginDao['listAll'] = (page) => this.dao.listAll(page);
  get: CataloguePluginDao['get'] = (pluginId) => this.dao.get(pluginId);
  replace: CataloguePluginDao['replace'] = async (plugin, expectedVersion) => {
    if (this.times > 0) {
      this.times -= 1;
      await this.interfere(plugin);
    }
    this.replaced += 1;
    return this.dao.replace(plugin, expectedVersion);
  };
}

describe('ImportVulnerabilities against DynamoDB Local', () => {
  let db: DynamoContext;
  let dao: CataloguePluginDao;

  beforeAll(async () => {
    db = await isolatedDynamoContext('sites', 'vulnerability-import');
    dao = new CataloguePluginDao(db);
  });

  beforeEach(() => emptyTable(db));

  const seedSettings = async () => {
    const plugin = buildCataloguePlugin('bbws-fixture-settings', [
      buildVersion('2.0.0'),
      buildVersion('1.0.0'),
    ]);
    await dao.create(plugin);
    return plugin;
  };
  const rename = async (plugin: CataloguePlugin) => {
    const stored = (await dao.get(plugin.pluginId))!;
    await dao.replace({ ...stored, name: `${stored.name}+` }, stored.version);
  };
  const importer = (plugins: Pick<CataloguePluginDao, 'listAll' | 'get' | 'replace'>) =>
    new ImportVulnerabilities(plugins, new VulnerabilityFeedSource(noStore, noUploads));

  it('re-reads a plugin changed meanwhile and writes the marks over the other change, keeping it', async () => {
    const plugin = await seedSettings();
    const interfered = new InterferedDao(dao, 1, rename);

    const report = await importer(interfered).import(ADMIN, sampleFeed());

    expect(report.changes).toEqual([
      expect.objectContaining({ pluginId: plugin.pluginId, version: '1.0.0', added: [SETTINGS_RECORD] }),
    ]);
    expect(report.skipped).toEqual([]);
    const stored = (await dao.get(plugin.pluginId))!;
    expect(stored.name).toBe('bbws-fixture-settings+');
    expect(stored.versions[1].vulnerabilities.map((found) => found.id)).toEqual([SETTINGS_RECORD]);
    expect(stored.version).toBe(3);
  });

  it('gives up on a plugin that keeps changing after a bounded number of attempts, and says so', async () => {
    const plugin = await seedSettings();
    const interfered = new InterferedDao(dao, 10, rename);

    const report = await importer(interfered).import(ADMIN, sampleFeed());

    expect(interfered.replaced).toBe(3);
    expect(report).toMatchObject({ pluginsChanged: 0, changes: [] });
    expect(report.skipped).toEqual([
      { reason: 'PLUGIN_KEPT_CHANGING', pluginId: plugin.pluginId, wpSlug: 'bbws-fixture-settings' },
    ]);
    const stored = (await dao.get(plugin.pluginId))!;
    expect(stored.name).toBe('bbws-fixture-settings+++');
    expect(stored.versions[1].vulnerabilities).toEqual([]);
  });

  it('skips a plugin deleted while the feed was read', async () => {
    const plugin = await seedSettings();
    const interfered = new InterferedDao(dao, 1, async (target) => {
      await db.client.send(
        new DeleteCommand({ TableName: db.tables.sites, Key: cataloguePluginKeys.plugin(target.pluginId) }),
      );
    });

    const report = await importer(interfered).import(ADMIN, sampleFeed());

    expect(report).toMatchObject({ pluginsChanged: 0, changes: [] });
    expect(report.skipped).toEqual([
      { reason: 'PLUGIN_DELETED', pluginId: plugin.pluginId, wpSlug: 'bbws-fixture-settings' },
    ]);
  });

  it('reads the whole catalogue across pages', async () => {
    const many = Array.from({ length: 120 }, (_, index) =>
      buildCataloguePlugin(`bulk-${String(index).padStart(3, '0')}`, [buildVersion('1.0')]),
    );
    for (const plugin of many) await dao.create(plugin);
    const feed = {
      [SETTINGS_RECORD]: {
        ...sampleFeed()[SETTINGS_RECORD],
        software: many.map((plugin) => ({
          type: 'plugin',
          slug: plugin.wpSlug,
          affected_versions: {
            '*': { from_version: '*', from_inclusive: true, to_version: '*', to_inclusive: true },
          },
          patched_versions: [],
        })),
      },
    };

    const report = await importer(dao).import(ADMIN, feed);

    expect(report).toMatchObject({ recordsRead: 1, recordsMatched: 1, pluginsChanged: 120 });
    expect(report.changes.map((change) => change.wpSlug)).toEqual(many.map((plugin) => plugin.wpSlug));
  });
});
