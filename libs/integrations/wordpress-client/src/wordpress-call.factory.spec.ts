import { wordpressCalls } from './wordpress-call.factory';

const site = { blogId: 7, host: 'shop.net1.localhost' };
const pkg = { packageUrl: 'http://artifacts/p.zip', sha256: 'a'.repeat(64) };

describe('wordpressCalls', () => {
  it('reads through core REST on the site host', () => {
    expect(wordpressCalls.listInstalledPlugins(site)).toMatchObject({
      api: 'core',
      method: 'GET',
      route: '/wp/v2/plugins',
      host: site.host,
    });
    expect(wordpressCalls.getSiteInfo(site)).toMatchObject({ api: 'core', route: '/', host: site.host });
  });

  it('addresses agent routes by blog id on the network host', () => {
    const call = wordpressCalls.togglePlugin(site, 'akismet/akismet', true);

    expect(call).toMatchObject({ api: 'agent', route: '/bbws/v1/sites/7/plugins/akismet/akismet/activate' });
    expect(call.host).toBeUndefined();
    expect(wordpressCalls.setPluginConfig(site, 'akismet/akismet', { key: 'k' })).toMatchObject({
      api: 'agent',
      method: 'POST',
      route: '/bbws/v1/sites/7/plugins/akismet/akismet/config',
      body: { configuration: { key: 'k' } },
    });
  });

  it('retries only the calls a repeat cannot change the outcome of', () => {
    const retried = Object.entries({
      getSiteInfo: wordpressCalls.getSiteInfo(site),
      listInstalledPlugins: wordpressCalls.listInstalledPlugins(site),
      togglePlugin: wordpressCalls.togglePlugin(site, 'a/a', false),
      setPluginConfig: wordpressCalls.setPluginConfig(site, 'a/a', { b: 1 }),
      applyTemplate: wordpressCalls.applyTemplate(site, {}),
      getSiteHealth: wordpressCalls.getSiteHealth(site),
      setSiteStatus: wordpressCalls.setSiteStatus(site, 'archived'),
      updateSettings: wordpressCalls.updateSettings(site, {}),
      bootstrap: wordpressCalls.bootstrap({}),
      installPlugin: wordpressCalls.installPlugin(pkg),
      updatePlugin: wordpressCalls.updatePlugin('a/a', pkg),
      uninstallPlugin: wordpressCalls.uninstallPlugin('a/a'),
      deletePlugin: wordpressCalls.deletePlugin('a/a'),
      createBackup: wordpressCalls.createBackup(site, { uploadUrl: 'http://u' }),
      restoreBackup: wordpressCalls.restoreBackup(site, { downloadUrl: 'http://d', sha256: pkg.sha256 }),
      createSite: wordpressCalls.createSite({ domain: 'd', title: 't', adminEmail: 'e' }),
      deleteSite: wordpressCalls.deleteSite(site),
    })
      .filter(([, call]) => call.idempotent)
      .map(([name]) => name);

    expect(retried).toEqual([
      'getSiteInfo',
      'listInstalledPlugins',
      'togglePlugin',
      'setPluginConfig',
      'applyTemplate',
      'getSiteHealth',
      'setSiteStatus',
      'updateSettings',
      'bootstrap',
    ]);
  });

  it('does not retry a bootstrap that rotates the application password', () => {
    expect(wordpressCalls.bootstrap({ rotate: true }).idempotent).toBe(false);
  });

  it('gives archives and packages their longer timeouts', () => {
    expect(wordpressCalls.createBackup(site, { uploadUrl: 'http://u' }).timeout).toBe('archive');
    expect(wordpressCalls.restoreBackup(site, { downloadUrl: 'http://d', sha256: pkg.sha256 }).timeout).toBe(
      'archive',
    );
    expect(wordpressCalls.installPlugin(pkg).timeout).toBe('package');
    expect(wordpressCalls.getSiteHealth(site).timeout).toBeUndefined();
  });

  it('sends an empty search-replace list unless one is given', () => {
    expect(wordpressCalls.restoreBackup(site, { downloadUrl: 'http://d', sha256: pkg.sha256 }).body).toEqual({
      searchReplace: [],
      downloadUrl: 'http://d',
      sha256: pkg.sha256,
    });
  });
});
