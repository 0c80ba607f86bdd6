import { CataloguePluginDao, PluginInstallability, TemplateDao } from '@bbws/data-access-catalogue';
import { InstalledPluginDao, SiteDao, type InstalledPlugin, type Site } from '@bbws/data-access-sites';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { systemClock } from '@bbws/shared-util';
import { buildCataloguePlugin, testDynamoContext } from '@bbws/testing-factories';
import { buildInstalledPlugin, buildSite } from '@bbws/testing-sites';
import { SiteNetwork } from '../sites/site-network';
import { SitePackageUrls } from '../sites/site-package.urls';
import { SitePlugins } from '../sites/site-plugins';
import { SitePackageCopies } from './site-package.copies';

const db = testDynamoContext();
const sites = new SiteDao(db);
const installed = new InstalledPluginDao(db);
const catalogue = new CataloguePluginDao(db);
const wordpress = new WordPressClient();
// Copying records reads and writes the stores only: no artifact store, agent or instance is reached.
const urls = new SitePackageUrls(null as never);
const copies = new SitePackageCopies(
  installed,
  catalogue,
  new TemplateDao(db),
  new SitePlugins(new PluginInstallability(catalogue), catalogue, installed, urls, wordpress, systemClock),
  urls,
  wordpress,
  new SiteNetwork({ sites, instances: null as never, agents: null as never, wordpress }),
);

async function plugin(): Promise<string> {
  const seeded = buildCataloguePlugin();
  await catalogue.create(seeded);
  return seeded.pluginId;
}
const installCount = async (pluginId: string) => (await catalogue.get(pluginId))!.installCount;

async function siteWith(records: Array<Partial<InstalledPlugin>>): Promise<Site> {
  const site = buildSite();
  await sites.create(site, 100);
  for (const record of records) await installed.put(buildInstalledPlugin({ siteId: site.siteId, ...record }));
  return site;
}

describe('SitePackageCopies.copyRecords against DynamoDB Local', () => {
  it("copies the source's records with their state, counting each new one once", async () => {
    const [a, b] = [await plugin(), await plugin()];
    const source = await siteWith([
      { pluginId: a, installedVersion: '2.0.0', configuration: { key: 'x' } },
      { pluginId: b, isActive: false },
    ]);
    const copy = await siteWith([]);

    // Records come in plugin id order.
    expect(await copies.copyRecords(source, copy, false)).toEqual({
      added: [a, b].sort(),
      updated: [],
      removed: [],
    });
    expect(await installed.get(copy.siteId, a)).toMatchObject({
      installedVersion: '2.0.0',
      isActive: true,
      configuration: { key: 'x' },
    });
    expect(await installed.get(copy.siteId, b)).toMatchObject({ isActive: false });
    expect([await installCount(a), await installCount(b)]).toEqual([1, 1]);

    // Run again (a resumed step): nothing is added or counted twice.
    expect(await copies.copyRecords(source, copy, false)).toEqual({ added: [], updated: [], removed: [] });
    expect([await installCount(a), await installCount(b)]).toEqual([1, 1]);
  });

  it("syncs a promotion target exactly: other versions updated, the target's extra plugins removed and uncounted", async () => {
    const [kept, extra] = [await plugin(), await plugin()];
    await catalogue.adjustInstallCount(kept, 2);
    await catalogue.adjustInstallCount(extra, 1);
    const source = await siteWith([{ pluginId: kept, installedVersion: '1.2.0' }]);
    const target = await siteWith([{ pluginId: kept, installedVersion: '1.0.0' }, { pluginId: extra }]);

    expect(await copies.copyRecords(source, target, true)).toEqual({
      added: [],
      updated: [kept],
      removed: [extra],
    });
    expect(await installed.get(target.siteId, kept)).toMatchObject({
      installedVersion: '1.2.0',
      previousVersion: '1.0.0',
    });
    expect(await installed.get(target.siteId, extra)).toBeNull();
    expect([await installCount(kept), await installCount(extra)]).toEqual([2, 0]);
  });
});
