import { buildConflictingPlugin, buildSettingsPlugin, zipPackage } from '@bbws/testing-wordpress-fixtures';
import { MAX_PLUGIN_VERSIONS } from '@bbws/data-access-catalogue';
import { newId } from '@bbws/shared-util';
import { PluginsFixture, sha256 } from './plugins-api.fixture';

const SETTINGS_SLUG = 'bbws-fixture-settings';

describe('plugins-api: versions from uploaded packages', () => {
  let f: PluginsFixture;

  beforeAll(async () => {
    f = await PluginsFixture.start();
  });

  afterAll(() => f.close());

  /** The settings fixture registered under its slug in this suite's own catalogue, once. */
  let settings: { pluginId: string } | undefined;
  async function settingsPlugin(): Promise<string> {
    settings ??= await f.register({ wpSlug: SETTINGS_SLUG, name: 'BBWS Fixture Settings' });
    return settings.pluginId;
  }

  it('accepts a presigned upload as a version: sha256 computed, package kept, upload discarded', async () => {
    const pluginId = await settingsPlugin();
    const fixture = buildSettingsPlugin('1.0.0');
    const uploadId = await f.upload(fixture.bytes);
    const response = await f.call('POST', `/v1.0/admin/plugins/${pluginId}/versions`, f.admin.token, {
      uploadId,
    });
    expect(response.status).toBe(201);
    const key = `packages/plugins/${SETTINGS_SLUG}/1.0.0/${sha256(fixture.bytes)}.zip`;
    expect(response.body).toMatchObject({
      latestVersion: '1.0.0',
      pluginFile: 'bbws-fixture-settings/bbws-fixture-settings',
      versions: [
        {
          version: '1.0.0',
          packageArtifact: { key, sha256: sha256(fixture.bytes), size: fixture.bytes.length },
          minWordPressVersion: null,
          requiresPhp: '7.4',
          vulnerabilities: [],
          addedBy: f.admin.userId,
        },
      ],
      version: 2,
    });
    expect(await f.exists(key)).toBe(true);
    expect(await f.exists(`uploads/${uploadId}`)).toBe(false);

    const download = await f.call('GET', `/v1.0/admin/plugins/${pluginId}/versions/1.0.0/download`);
    expect(download.status).toBe(200);
    expect(download.body).toMatchObject({ sha256: sha256(fixture.bytes), size: fixture.bytes.length });
    const bytes = Buffer.from(await (await fetch(download.body.downloadUrl)).arrayBuffer());
    expect(sha256(bytes)).toBe(download.body.sha256);
    const missing = await f.call('GET', `/v1.0/admin/plugins/${pluginId}/versions/9.9.9/download`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('PLUGIN_VERSION_NOT_FOUND');
  });

  it('keeps versions newest first with the latest recomputed, and refuses a version it has (409)', async () => {
    const pluginId = await settingsPlugin();
    if ((await f.stored(pluginId)).versions.length === 0) {
      await f.call('POST', `/v1.0/admin/plugins/${pluginId}/versions`, f.admin.token, {
        uploadId: await f.upload(buildSettingsPlugin('1.0.0').bytes),
      });
    }
    const two = buildSettingsPlugin('2.0.0');
    const added = await f.call('POST', `/v1.0/admin/plugins/${pluginId}/versions`, f.admin.token, {
      uploadId: await f.upload(two.bytes),
      version: '2.0.0',
    });
    expect(added.status).toBe(201);
    expect(added.body.versions.map((v: { version: string }) => v.version)).toEqual(['2.0.0', '1.0.0']);
    expect(added.body.latestVersion).toBe('2.0.0');

    const uploadId = await f.upload(buildSettingsPlugin('1.0.0').bytes);
    const duplicate = await f.call('POST', `/v1.0/admin/plugins/${pluginId}/versions`, f.admin.token, {
      uploadId,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({
      code: 'PLUGIN_VERSION_EXISTS',
      details: { version: '1.0.0' },
    });
    expect((await f.stored(pluginId)).versions).toHaveLength(2);
  });

  it('rejects a package whose top folder is not the wpSlug (422), storing nothing and keeping the upload', async () => {
    const plugin = await f.register();
    const uploadId = await f.upload(buildSettingsPlugin('1.0.0').bytes);
    const response = await f.call('POST', `/v1.0/admin/plugins/${plugin.pluginId}/versions`, f.admin.token, {
      uploadId,
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'INVALID_PACKAGE',
      details: { problem: 'SLUG_MISMATCH', expected: plugin.wpSlug, found: SETTINGS_SLUG },
    });
    expect(await f.stored(plugin.pluginId)).toMatchObject({ versions: [], version: 1 });
    expect(await f.keysUnder(`packages/plugins/${plugin.wpSlug}/`)).toEqual([]);
    expect(await f.exists(`uploads/${uploadId}`)).toBe(true);
  });

  it('rejects a broken archive, a version other than the header, a package without a version, a missing upload', async () => {
    const plugin = await f.register({ wpSlug: `v-${newId('upl').slice(4, 12)}` });
    const url = `/v1.0/admin/plugins/${plugin.pluginId}/versions`;
    const problem = async (uploadId: string, version?: string) => {
      const response = await f.call('POST', url, f.admin.token, {
        uploadId,
        ...(version ? { version } : {}),
      });
      expect(response.status).toBe(422);
      return response.body.error.details.problem;
    };
    expect(await problem(await f.upload(Buffer.from('PK\u0003\u0004 this is not a zip at all')))).toBe(
      'NOT_A_ZIP',
    );
    const main = (header: string) =>
      zipPackage('p.zip', {
        [`${plugin.wpSlug}/${plugin.wpSlug}.php`]: `<?php\n/**\n * Plugin Name: P\n${header} */\n`,
      });
    const versioned = main(' * Version: 1.2.0\n');
    expect(await problem(await f.upload(versioned.bytes), '1.3.0')).toBe('VERSION_MISMATCH');
    expect(await problem(await f.upload(main('').bytes))).toBe('NO_VERSION');
    expect(await problem(newId('upl'))).toBe('UPLOAD_NOT_FOUND');
    expect((await f.stored(plugin.pluginId)).versions).toEqual([]);

    // WordPress reports the header's version, so a version given for a package without one is refused too.
    expect(await problem(await f.upload(main('').bytes), '0.9')).toBe('VERSION_MISMATCH');
    const accepted = await f.call('POST', url, f.admin.token, {
      uploadId: await f.upload(versioned.bytes),
      version: '1.2.0',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.latestVersion).toBe('1.2.0');
    expect((await f.call('POST', url, f.admin.token, { uploadId: 'upl-nope' })).status).toBe(400);
    expect(
      (await f.call('POST', url, f.admin.token, { uploadId: newId('upl'), version: 'latest' })).status,
    ).toBe(400);
    const unknown = await f.call('POST', `/v1.0/admin/plugins/${newId('plg')}/versions`, f.admin.token, {
      uploadId: newId('upl'),
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses a version beyond the versions a plugin keeps (422) before looking at the package', async () => {
    const plugin = await f.register();
    const stored = await f.stored(plugin.pluginId);
    const versions = Array.from({ length: MAX_PLUGIN_VERSIONS }, (_, i) => ({
      version: `1.${i}`,
      packageArtifact: {
        key: `packages/plugins/${plugin.wpSlug}/1.${i}/${plugin.wpSlug}.zip`,
        sha256: 'a'.repeat(64),
        size: 1,
      },
      minWordPressVersion: null,
      requiresPhp: null,
      vulnerabilities: [],
      addedAt: stored.createdAt,
      addedBy: f.admin.userId,
    }));
    await f.plugins.replace({ ...stored, versions, latestVersion: '1.99' }, stored.version);
    const uploadId = await f.upload(buildSettingsPlugin('1.0.0').bytes);
    const response = await f.call('POST', `/v1.0/admin/plugins/${plugin.pluginId}/versions`, f.admin.token, {
      uploadId,
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'PLUGIN_LIMIT_REACHED',
      details: { what: 'PLUGIN_VERSIONS', limit: MAX_PLUGIN_VERSIONS },
    });
    expect((await f.stored(plugin.pluginId)).versions).toHaveLength(MAX_PLUGIN_VERSIONS);
  });

  it('registers a plugin together with its versions, inspected before anything is stored', async () => {
    const conflicting = buildConflictingPlugin();
    const wpSlug = 'bbws-fixture-conflicting';
    const bad = await f.call('POST', '/v1.0/admin/plugins', f.admin.token, {
      wpSlug,
      name: 'Conflicting',
      category: 'OTHER',
      pricing: 'FREE',
      versions: [
        { uploadId: await f.upload(conflicting.bytes) },
        { uploadId: await f.upload(buildSettingsPlugin('1.0.0').bytes) },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problem).toBe('SLUG_MISMATCH');
    expect(await f.plugins.findBySlug(wpSlug)).toBeNull();
    expect(await f.keysUnder(`packages/plugins/${wpSlug}/`)).toEqual([]);

    const uploadId = await f.upload(conflicting.bytes);
    const response = await f.call('POST', '/v1.0/admin/plugins', f.admin.token, {
      wpSlug,
      name: 'Conflicting',
      category: 'OTHER',
      pricing: 'FREE',
      versions: [{ uploadId }],
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      pluginFile: 'bbws-fixture-conflicting/bbws-fixture-conflicting',
      latestVersion: '1.0.0',
      versions: [{ version: '1.0.0', packageArtifact: { sha256: conflicting.sha256 } }],
    });
    expect(await f.exists(`uploads/${uploadId}`)).toBe(false);
  });
});
