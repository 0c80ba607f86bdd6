import { ItemMissingError, VersionConflictError } from '@bbws/shared-errors';
import { newId } from '@bbws/shared-util';
import { OperationDao } from '@bbws/data-access-operations';
import { buildOperation, testDynamoContext } from '@bbws/testing-factories';
import { buildBackup, buildInstalledPlugin } from '@bbws/testing-sites';
import { BackupDao } from './backup.dao';
import { InstalledPluginDao } from './installed-plugin.dao';
import { PluginAlreadyInstalledError } from './site.errors';

const db = testDynamoContext();
const dao = new InstalledPluginDao(db);

describe('InstalledPluginDao against DynamoDB Local', () => {
  it('records an installation once and refuses the same plugin twice on a site', async () => {
    const plugin = buildInstalledPlugin();
    await dao.put(plugin);
    expect(await dao.get(plugin.siteId, plugin.pluginId)).toEqual(plugin);
    await expect(dao.put({ ...plugin, installedVersion: '2.0.0' })).rejects.toEqual(
      new PluginAlreadyInstalledError(plugin.siteId, plugin.pluginId),
    );
    expect(await dao.get(plugin.siteId, plugin.pluginId)).toEqual(plugin);
    // The same plugin on another site is another installation.
    await dao.put({ ...plugin, siteId: newId('site') });
  });

  it('lists a site’s plugins by id, without its backups or other sites’ plugins', async () => {
    const siteId = newId('site');
    const plugins = [buildInstalledPlugin({ siteId }), buildInstalledPlugin({ siteId })];
    for (const plugin of plugins) await dao.put(plugin);
    await dao.put(buildInstalledPlugin());
    await new BackupDao(db).create(buildBackup({ siteId }));
    const listed = await dao.listBySite(siteId);
    expect(listed).toEqual([...plugins].sort((a, b) => a.pluginId.localeCompare(b.pluginId)));
    expect(await dao.listBySite(newId('site'))).toEqual([]);
  });

  it('updates versioned fields and keeps the previous version for rollback', async () => {
    const plugin = buildInstalledPlugin({ configuration: { apiKey: 'k' } });
    await dao.put(plugin);
    const updated = await dao.update(plugin, 1, { installedVersion: '1.1.0', previousVersion: '1.0.0' });
    expect(updated).toMatchObject({ installedVersion: '1.1.0', previousVersion: '1.0.0', version: 2 });
    expect(updated.configuration).toEqual({ apiKey: 'k' });
    expect(await dao.get(plugin.siteId, plugin.pluginId)).toEqual(updated);

    await expect(dao.update(plugin, 1, { isActive: false })).rejects.toEqual(new VersionConflictError(1, 2));
    const missing = buildInstalledPlugin();
    await expect(dao.update(missing, 1, { isActive: false })).rejects.toBeInstanceOf(ItemMissingError);
    expect(await dao.get(plugin.siteId, plugin.pluginId)).toEqual(updated);
  });

  it('deletes an installation, at the expected version when given', async () => {
    const plugin = buildInstalledPlugin();
    await dao.put(plugin);
    const toggled = await dao.update(plugin, 1, { isActive: false });
    await expect(dao.delete(plugin.siteId, plugin.pluginId, 1)).rejects.toEqual(
      new VersionConflictError(1, 2),
    );
    expect(await dao.get(plugin.siteId, plugin.pluginId)).toEqual(toggled);
    await dao.delete(plugin.siteId, plugin.pluginId, 2);
    expect(await dao.get(plugin.siteId, plugin.pluginId)).toBeNull();
    await expect(dao.delete(plugin.siteId, plugin.pluginId)).rejects.toBeInstanceOf(ItemMissingError);
    await dao.put(plugin);
    await dao.delete(plugin.siteId, plugin.pluginId);
    expect(await dao.get(plugin.siteId, plugin.pluginId)).toBeNull();
  });

  it('records installs, updates and removals inside another store’s transaction, all or nothing', async () => {
    const operations = new OperationDao(db);
    const plugin = buildInstalledPlugin();
    const within = (writes: Parameters<OperationDao['createWithLock']>[1]) => {
      const operation = buildOperation({ resourceId: newId('site') });
      return { operation, commit: operations.createWithLock(operation, writes) };
    };
    await within(dao.putWrites(plugin)).commit;
    expect(await dao.get(plugin.siteId, plugin.pluginId)).toEqual(plugin);

    const twice = within(dao.putWrites(plugin));
    await expect(twice.commit).rejects.toEqual(
      new PluginAlreadyInstalledError(plugin.siteId, plugin.pluginId),
    );
    expect(await operations.get(twice.operation.operationId)).toBeNull();

    await within(dao.updateWrites(plugin, 1, { isActive: false })).commit;
    expect(await dao.get(plugin.siteId, plugin.pluginId)).toMatchObject({ isActive: false, version: 2 });
    const stale = within(dao.deleteWrites(plugin.siteId, plugin.pluginId, 1));
    await expect(stale.commit).rejects.toEqual(new VersionConflictError(1, 2));
    await within(dao.deleteWrites(plugin.siteId, plugin.pluginId, 2)).commit;
    expect(await dao.get(plugin.siteId, plugin.pluginId)).toBeNull();
  });
});
