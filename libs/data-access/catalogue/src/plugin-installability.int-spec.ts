import { testDynamoContext } from '@bbws/testing-factories';
import { newId } from '@bbws/shared-util';
import { buildCataloguePlugin } from '@bbws/testing-factories';
import { CataloguePluginDao } from './catalogue-plugin.dao';
import { PluginInstallability } from './plugin-installability';

const dao = new CataloguePluginDao(testDynamoContext());
const installability = new PluginInstallability(dao);

describe('PluginInstallability against DynamoDB Local', () => {
  it('reads the plugin and the installed ones from the catalogue', async () => {
    const installed = buildCataloguePlugin();
    const plugin = buildCataloguePlugin({ conflictsWith: [installed.pluginId] });
    await dao.create(installed);
    await dao.create(plugin);
    const base = { pluginId: plugin.pluginId, wordpressVersion: '6.4' };
    expect(await installability.check({ ...base, installed: [newId('plg')] })).toMatchObject({
      ok: true,
      version: '1.0.0',
      packageArtifact: plugin.versions[0].packageArtifact,
    });
    expect(await installability.check({ ...base, installed: [installed.pluginId] })).toMatchObject({
      reason: 'CONFLICT',
      conflictingPluginId: installed.pluginId,
    });
    expect(
      await installability.check({
        pluginId: installed.pluginId,
        wordpressVersion: '6.4',
        installed: [plugin.pluginId],
      }),
    ).toMatchObject({ reason: 'CONFLICT', conflictingPluginId: plugin.pluginId });
    expect(await installability.check({ ...base, pluginId: newId('plg'), installed: [] })).toMatchObject({
      reason: 'PLUGIN_NOT_FOUND',
    });
  });

  it('refuses what is not a version with a 400', async () => {
    const request = { pluginId: newId('plg'), installed: [] };
    await expect(installability.check({ ...request, wordpressVersion: 'latest' })).rejects.toMatchObject({
      status: 400,
      code: 'VALIDATION_ERROR',
    });
    await expect(
      installability.check({ ...request, wordpressVersion: '6.4', version: '1.0; x' }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
