import { zipPackage } from '@bbws/testing-wordpress-fixtures';
import { newId } from '@bbws/shared-util';
import { PluginsFixture, sha256, uniqueSlug } from './plugins-api.fixture';

/** A plugin zip for `wpSlug` with the given headers. */
function pluginPackage(wpSlug: string, version: string, requiresAtLeast?: string): Buffer {
  const headers = [' * Plugin Name: Installable', ` * Version: ${version}`];
  if (requiresAtLeast) headers.push(` * Requires at least: ${requiresAtLeast}`);
  return zipPackage(`${wpSlug}.zip`, { [`${wpSlug}/main.php`]: `<?php\n/**\n${headers.join('\n')}\n */\n` })
    .bytes;
}

describe('plugins-api: installability (checkInstallable over HTTP)', () => {
  let f: PluginsFixture;
  let plugin: { pluginId: string; wpSlug: string };
  let other: { pluginId: string };
  const vulnerabilityId = '0b6f2c1e-5c1d-4f8e-9a55-2f3b8c9d0e1f';

  beforeAll(async () => {
    f = await PluginsFixture.start();
    const wpSlug = uniqueSlug('installable');
    const versions = [];
    for (const [version, requires] of [
      ['1.0.0', '5.0'],
      ['1.1.0', '5.0'],
      ['2.0.0', '6.5'],
    ]) {
      versions.push({ uploadId: await f.upload(pluginPackage(wpSlug, version, requires)) });
    }
    const otherSlug = uniqueSlug('other');
    other = await f.register({
      wpSlug: otherSlug,
      versions: [{ uploadId: await f.upload(pluginPackage(otherSlug, '3.1')) }],
    });
    plugin = await f.register({ wpSlug, versions, conflictsWith: [other.pluginId] });
    const stored = await f.stored(plugin.pluginId);
    await f.plugins.replace(
      {
        ...stored,
        versions: stored.versions.map((entry) =>
          entry.version === '1.0.0'
            ? {
                ...entry,
                vulnerabilities: [
                  {
                    id: vulnerabilityId,
                    title: 'Stored XSS',
                    severity: 'MEDIUM',
                    cvssScore: 6.4,
                    cve: 'CVE-2024-0001',
                    fixedIn: '1.1.0',
                    source: 'MANUAL',
                  },
                ],
              }
            : entry,
        ),
      },
      stored.version,
    );
  });

  afterAll(() => f.close());

  const check = async (pluginId: string, query: string) => {
    const response = await f.call(
      'GET',
      `/v1.0/plugins/${pluginId}/installability?${query}`,
      f.customer.token,
    );
    expect(response.status).toBe(200);
    return response.body;
  };

  it('answers ok with the package and plugin file for an installable version', async () => {
    const body = await check(plugin.pluginId, 'version=1.1.0&wordpressVersion=6.4.2');
    expect(body).toMatchObject({
      ok: true,
      pluginId: plugin.pluginId,
      version: '1.1.0',
      pluginFile: `${plugin.wpSlug}/main`,
      packageArtifact: {
        key: `packages/plugins/${plugin.wpSlug}/1.1.0/${sha256(pluginPackage(plugin.wpSlug, '1.1.0', '5.0'))}.zip`,
      },
    });
    expect(body._links).toEqual({
      self: { href: `/v1.0/plugins/${plugin.pluginId}/installability?version=1.1.0&wordpressVersion=6.4.2` },
      plugin: { href: `/v1.0/plugins/${plugin.pluginId}` },
    });
  });

  it('refuses the latest version on an older WordPress: INCOMPATIBLE_WORDPRESS', async () => {
    expect(await check(plugin.pluginId, 'wordpressVersion=6.4.2')).toMatchObject({
      ok: false,
      reason: 'INCOMPATIBLE_WORDPRESS',
      version: '2.0.0',
      minWordPressVersion: '6.5',
      wordpressVersion: '6.4.2',
    });
    expect(await check(plugin.pluginId, 'wordpressVersion=6.10')).toMatchObject({
      ok: true,
      version: '2.0.0',
    });
  });

  it('refuses a vulnerable version with the vulnerability ids and the safe version', async () => {
    expect(await check(plugin.pluginId, 'version=1.0.0&wordpressVersion=6.5')).toMatchObject({
      ok: false,
      reason: 'VULNERABLE',
      version: '1.0.0',
      vulnerabilityIds: [vulnerabilityId],
      safeVersion: '1.1.0',
    });
  });

  it('refuses a plugin next to one it conflicts with, from either side', async () => {
    const installed = `installed=${other.pluginId},${newId('plg')}`;
    expect(await check(plugin.pluginId, `wordpressVersion=6.5&${installed}`)).toMatchObject({
      ok: false,
      reason: 'CONFLICT',
      conflictingPluginId: other.pluginId,
    });
    expect(await check(other.pluginId, `wordpressVersion=6.5&installed=${plugin.pluginId}`)).toMatchObject({
      reason: 'CONFLICT',
      conflictingPluginId: plugin.pluginId,
    });
  });

  it('refuses an unknown plugin, an unapproved one, a blocklisted one and an unknown version', async () => {
    const unknownId = newId('plg');
    expect(await check(unknownId, 'wordpressVersion=6.5')).toEqual({
      ok: false,
      reason: 'PLUGIN_NOT_FOUND',
      pluginId: unknownId,
      _links: { self: { href: `/v1.0/plugins/${unknownId}/installability?wordpressVersion=6.5` } },
    });
    const unapproved = await f.register({ approved: false });
    expect(await check(unapproved.pluginId, 'wordpressVersion=6.5')).toMatchObject({
      reason: 'NOT_APPROVED',
    });
    const blocked = await f.register();
    await f.call('POST', `/v1.0/admin/plugins/${blocked.pluginId}/blocklist`, f.admin.token, {
      reason: 'Spam',
    });
    expect(await check(blocked.pluginId, 'wordpressVersion=6.5')).toMatchObject({
      reason: 'BLOCKLISTED',
      blocklistReason: 'Spam',
    });
    expect(await check(plugin.pluginId, 'version=3.0.0&wordpressVersion=6.5')).toMatchObject({
      reason: 'VERSION_NOT_FOUND',
      version: '3.0.0',
    });
    const empty = await f.register();
    expect(await check(empty.pluginId, 'wordpressVersion=6.5')).toMatchObject({
      reason: 'VERSION_NOT_FOUND',
      version: 'latest',
    });
  });

  it('refuses a malformed question with 400', async () => {
    for (const query of [
      '',
      'wordpressVersion=latest',
      'wordpressVersion=6.5&installed=nope',
      'wordpressVersion=6.5&version=x;y',
    ]) {
      const response = await f.call(
        'GET',
        `/v1.0/plugins/${plugin.pluginId}/installability?${query}`,
        f.customer.token,
      );
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
  });
});
