import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import {
  buildConflictingPlugin,
  buildFixtureTheme,
  buildSettingsPlugin,
  buildTemplateContent,
  CONFLICTING_PLUGIN,
  FIXTURE_THEME,
  SETTINGS_PLUGIN,
  SETTINGS_PLUGIN_OPTION,
  type FixturePackage,
} from '@bbws/testing-wordpress-fixtures';
import type { SiteRef } from './wordpress-connection';
import type { InstalledPlugin, SiteArchive } from './wordpress-client.types';
import { rows, startWordPressSuite, type WordPressSuite } from '../test/wordpress-suite.fixture';

jest.setTimeout(60_000);

describe('WordPressClient against a real multisite network', () => {
  let suite: WordPressSuite;
  let siteA: SiteRef;
  let siteB: SiteRef;
  const packages = {
    v1: buildSettingsPlugin('1.0.0'),
    v2: buildSettingsPlugin('2.0.0'),
    conflicting: buildConflictingPlugin(),
    theme: buildFixtureTheme(),
  };
  const location = (pkg: FixturePackage) => ({
    packageUrl: suite.artifacts.put(pkg.fileName, pkg.bytes),
    sha256: pkg.sha256,
  });
  const statusOn = async (site: SiteRef, plugin: string): Promise<InstalledPlugin['status'] | undefined> =>
    (await suite.client.listInstalledPlugins(suite.connection, site)).find((item) => item.plugin === plugin)
      ?.status;
  const php = (code: string, site: SiteRef) => suite.network.runPhp(code, { host: site.host });

  beforeAll(async () => {
    suite = await startWordPressSuite();
  });

  afterAll(async () => {
    await suite?.stop();
  });

  describe('bootstrap', () => {
    it('returns the application password only when it creates it, and the password works for core REST', async () => {
      const again = await suite.client.bootstrap(suite.connection);

      expect(again).toMatchObject({ username: 'bbws-platform', created: false, applicationPassword: null });
      const main = await suite.client.getSiteInfo(suite.connection, {
        blogId: 1,
        host: suite.network.networkDomain,
      });
      expect(main).toMatchObject({ url: `http://${suite.network.networkDomain}`, agentAvailable: true });
      expect(
        await suite.network.query(`SELECT meta_value FROM wp_sitemeta WHERE meta_key = 'site_admins'`),
      ).toContain('"bbws-platform"');
    });
  });

  describe('sites', () => {
    it('creates two sites of the network', async () => {
      const a = await suite.client.createSite(suite.connection, {
        domain: suite.network.hostFor('alpha'),
        title: 'Alpha',
        adminEmail: 'owner@alpha.test',
      });
      const b = await suite.client.createSite(suite.connection, {
        domain: suite.network.hostFor('beta'),
        title: 'Beta',
        adminEmail: 'owner@alpha.test',
      });
      siteA = a;
      siteB = b;

      expect(a).toMatchObject({
        domain: 'alpha.net1.localhost',
        url: 'http://alpha.net1.localhost/',
        status: 'active',
      });
      expect(b.blogId).toBeGreaterThan(a.blogId);
      expect(b.adminUserId).toBe(a.adminUserId);
      expect(
        rows(await suite.network.query('SELECT blog_id, domain FROM wp_blogs ORDER BY blog_id')),
      ).toEqual([
        ['1', 'net1.localhost'],
        [String(a.blogId), 'alpha.net1.localhost'],
        [String(b.blogId), 'beta.net1.localhost'],
      ]);
      expect(await suite.client.getSiteInfo(suite.connection, siteA)).toMatchObject({
        name: 'Alpha',
        url: 'http://alpha.net1.localhost',
      });
    });

    it('rejects a domain the network already has, as a non-retryable conflict naming the existing site', async () => {
      await expect(
        suite.client.createSite(suite.connection, {
          domain: siteA.host,
          title: 'Again',
          adminEmail: 'x@alpha.test',
        }),
      ).rejects.toMatchObject({
        code: 'WORDPRESS_SITE_EXISTS',
        upstreamStatus: 409,
        retryable: false,
        details: { wordpress: { blogId: siteA.blogId } },
      });
    });

    it('updates title, tagline, timezone and language', async () => {
      const result = await suite.client.updateSettings(suite.connection, siteA, {
        title: 'Alpha Shop',
        tagline: 'Everything alpha',
        timezone: 'Europe/Amsterdam',
        language: 'en_US',
      });

      expect(result.updated).toEqual(
        expect.arrayContaining(['blogname', 'blogdescription', 'timezone_string', 'WPLANG']),
      );
      expect(await suite.client.getSiteInfo(suite.connection, siteA)).toMatchObject({
        name: 'Alpha Shop',
        description: 'Everything alpha',
        timezone: 'Europe/Amsterdam',
      });
    });

    it('refuses options outside the allow-list and writes none of the request', async () => {
      await expect(
        suite.client.updateSettings(suite.connection, siteA, {
          title: 'Hacked',
          options: { siteurl: 'http://evil.test' },
        }),
      ).rejects.toMatchObject({
        code: 'WORDPRESS_OPTION_NOT_ALLOWED',
        upstreamStatus: 400,
        retryable: false,
      });
      expect((await suite.client.getSiteInfo(suite.connection, siteA)).name).toBe('Alpha Shop');
    });
  });

  describe('plugins', () => {
    it('installs the fixture plugin v1 from a package URL, inactive on every site', async () => {
      const installed = await suite.client.installPlugin(suite.connection, location(packages.v1));

      expect(installed).toEqual({ plugin: SETTINGS_PLUGIN, name: 'BBWS Fixture Settings', version: '1.0.0' });
      expect(await statusOn(siteA, SETTINGS_PLUGIN)).toBe('inactive');
      expect(await statusOn(siteB, SETTINGS_PLUGIN)).toBe('inactive');
    });

    it('activates it on one site only', async () => {
      const activation = await suite.client.togglePlugin(suite.connection, siteA, SETTINGS_PLUGIN, true);

      expect(activation).toEqual({ blogId: siteA.blogId, plugin: SETTINGS_PLUGIN, active: true });
      const listA = await suite.client.listInstalledPlugins(suite.connection, siteA);
      expect(listA.find((plugin) => plugin.plugin === SETTINGS_PLUGIN)).toMatchObject({
        status: 'active',
        version: '1.0.0',
      });
      expect(await statusOn(siteB, SETTINGS_PLUGIN)).toBe('inactive');
      expect(
        await suite.network.query(
          `SELECT COUNT(*) FROM wp_${siteA.blogId}_options WHERE option_name = '${SETTINGS_PLUGIN_OPTION}'`,
        ),
      ).toBe('1');
    });

    it('refuses to activate a plugin that declares a conflict with one active on the site', async () => {
      await suite.client.installPlugin(suite.connection, location(packages.conflicting));

      await expect(
        suite.client.togglePlugin(suite.connection, siteA, CONFLICTING_PLUGIN, true),
      ).rejects.toMatchObject({
        code: 'WORDPRESS_PLUGIN_CONFLICT',
        upstreamStatus: 409,
        retryable: false,
      });
      expect(await statusOn(siteA, CONFLICTING_PLUGIN)).toBe('inactive');
      await expect(
        suite.client.togglePlugin(suite.connection, siteB, CONFLICTING_PLUGIN, true),
      ).resolves.toMatchObject({ active: true });
      await suite.client.togglePlugin(suite.connection, siteB, CONFLICTING_PLUGIN, false);
      await suite.client.uninstallPlugin(suite.connection, CONFLICTING_PLUGIN);
    });

    it('updates to v2: WordPress reports the new version and the configuration option is preserved', async () => {
      const custom = 'a:1:{s:8:"greeting";s:6:"custom";}';
      await suite.network.query(
        `UPDATE wp_${siteA.blogId}_options SET option_value = '${custom}' WHERE option_name = '${SETTINGS_PLUGIN_OPTION}'`,
      );

      const updated = await suite.client.updatePlugin(
        suite.connection,
        SETTINGS_PLUGIN,
        location(packages.v2),
      );

      expect(updated).toMatchObject({ plugin: SETTINGS_PLUGIN, previousVersion: '1.0.0', version: '2.0.0' });
      const listA = await suite.client.listInstalledPlugins(suite.connection, siteA);
      expect(listA.find((plugin) => plugin.plugin === SETTINGS_PLUGIN)).toMatchObject({
        status: 'active',
        version: '2.0.0',
      });
      expect(
        await suite.network.query(
          `SELECT option_value FROM wp_${siteA.blogId}_options WHERE option_name = '${SETTINGS_PLUGIN_OPTION}'`,
        ),
      ).toBe(custom);
      expect(await php("echo apply_filters('bbws_fixture_settings_version', 'none');", siteA)).toBe('2.0.0');
    });

    it('will not uninstall a plugin that a site still has active', async () => {
      await expect(suite.client.uninstallPlugin(suite.connection, SETTINGS_PLUGIN)).rejects.toMatchObject({
        code: 'WORDPRESS_PLUGIN_IN_USE',
        upstreamStatus: 409,
        retryable: false,
      });
    });

    it('deactivates it on the site, then uninstalls it from the network', async () => {
      await expect(
        suite.client.togglePlugin(suite.connection, siteA, SETTINGS_PLUGIN, false),
      ).resolves.toMatchObject({ active: false });
      expect(await statusOn(siteA, SETTINGS_PLUGIN)).toBe('inactive');

      await suite.client.uninstallPlugin(suite.connection, SETTINGS_PLUGIN);

      expect(await statusOn(siteA, SETTINGS_PLUGIN)).toBeUndefined();
      expect(existsSync(join(suite.network.docRoot, 'wp-content/plugins/bbws-fixture-settings'))).toBe(false);
    });
  });

  describe('themes and templates', () => {
    it('switches a site to an installed theme', async () => {
      const switched = await suite.client.switchTheme(suite.connection, siteA, {
        stylesheet: 'twentytwentytwo',
      });

      expect(switched).toMatchObject({
        blogId: siteA.blogId,
        stylesheet: 'twentytwentytwo',
        installed: false,
      });
      expect(await php('echo get_stylesheet();', siteA)).toBe('twentytwentytwo');
    });

    it('applies a template: plugin and theme installed and active, options set, pages exist', async () => {
      const template = buildTemplateContent({
        theme: location(packages.theme),
        settingsPlugin: location(packages.v1),
      });

      const result = await suite.client.applyTemplate(suite.connection, siteB, template);

      expect(result.theme).toMatchObject({ stylesheet: FIXTURE_THEME, installed: true });
      expect(result.plugins).toEqual([
        { blogId: siteB.blogId, plugin: SETTINGS_PLUGIN, active: true, installed: true },
      ]);
      expect(result.pages.map((page) => [page.slug, page.created])).toEqual([
        ['home', true],
        ['about', true],
      ]);
      const state = JSON.parse(
        await php(
          "echo json_encode(array(get_stylesheet(), get_option('blogdescription'), get_option('show_on_front'), (int) get_option('page_on_front'), (int) get_option('posts_per_page')));",
          siteB,
        ),
      );
      expect(state).toEqual([
        FIXTURE_THEME,
        'Built from the fixture template',
        'page',
        result.pages[0].id,
        7,
      ]);
      const front = await suite.network.request('/', { host: siteB.host });
      expect(front.status).toBe(200);
      expect(front.body).toContain('class="bbws-fixture-theme"');
      expect(front.body).toContain('Welcome to the fixture site.');
    });

    it('applying the same template twice creates no duplicates', async () => {
      const template = buildTemplateContent({
        theme: location(packages.theme),
        settingsPlugin: location(packages.v1),
      });
      const first = await suite.client.applyTemplate(suite.connection, siteB, template);

      const second = await suite.client.applyTemplate(suite.connection, siteB, template);

      expect(second.pages).toEqual(first.pages.map((page) => ({ ...page, created: false })));
      expect(second.theme).toMatchObject({ installed: false });
      expect(second.plugins[0]).toMatchObject({ installed: false, active: true });
      expect(
        await suite.network.query(
          `SELECT post_name, COUNT(*) FROM wp_${siteB.blogId}_posts WHERE post_type = 'page' AND post_name IN ('home', 'about') GROUP BY post_name ORDER BY post_name`,
        ),
      ).toBe('about\t1\nhome\t1');
    });
  });

  describe('health', () => {
    it("returns WordPress's site-health results for the site and the platform checks", async () => {
      const health = await suite.client.getSiteHealth(suite.connection, siteB);

      expect(health.blogId).toBe(siteB.blogId);
      const tests = health.core.map((result) => result.test);
      expect(tests).toEqual(
        expect.arrayContaining([
          'php_version',
          'sql_server',
          'utf8mb4_support',
          'plugin_version',
          'theme_version',
          'loopback_requests',
        ]),
      );
      for (const result of health.core) {
        expect(['good', 'recommended', 'critical']).toContain(result.status);
        expect(result.label).not.toBe('');
      }
      expect(health.platform).toEqual([
        expect.objectContaining({ check: 'database', status: 'pass' }),
        expect.objectContaining({ check: 'uploads_writable', status: 'pass' }),
        expect.objectContaining({
          check: 'active_theme',
          status: 'pass',
          message: `Active theme ${FIXTURE_THEME}`,
        }),
        expect.objectContaining({ check: 'last_request', status: 'pass' }),
      ]);
      expect(['good', 'recommended', 'critical']).toContain(health.status);
    });
  });

  describe('backup, restore and clone', () => {
    let archive: SiteArchive;
    let uploaded: { url: string; file: string; subdir: string };
    const serializedOption = 'bbws_fixture_links';

    beforeAll(async () => {
      uploaded = JSON.parse(
        await php(
          `$dir = wp_upload_dir();
           $upload = array('file' => $dir['path'] . '/hello.txt', 'url' => $dir['url'] . '/hello.txt');
           file_put_contents($upload['file'], 'hello from alpha');
           wp_insert_attachment(array('post_title' => 'hello', 'post_mime_type' => 'text/plain', 'guid' => $upload['url']), $upload['file']);
           wp_insert_post(array('post_title' => 'First post', 'post_status' => 'publish', 'post_content' => '<a href="' . $upload['url'] . '">file</a> on ' . home_url('/')));
           wp_insert_post(array('post_title' => 'Second post', 'post_status' => 'publish', 'post_content' => 'Plain text'));
           wp_insert_post(array('post_type' => 'page', 'post_name' => 'contact', 'post_title' => 'Contact', 'post_status' => 'publish', 'post_content' => 'Write to us'));
           update_option('${serializedOption}', array('home' => home_url('/'), 'nested' => array('file' => $upload['url'], 'plain' => 'no url'), 'object' => (object) array('link' => home_url('/shop')), 'reserialized' => serialize(array(home_url('/'))), 'count' => 3));
           echo json_encode(array('url' => $upload['url'], 'file' => $upload['file'], 'subdir' => $dir['subdir']));`,
          siteA,
        ),
      );
    });

    it('exports a site into one archive: tables as SQL, uploads, and a manifest with row counts and checksums', async () => {
      archive = await suite.client.createBackup(suite.connection, siteA, {
        uploadUrl: suite.artifacts.urlFor('alpha-backup.zip'),
      });

      const bytes = suite.artifacts.get('alpha-backup.zip');
      expect(bytes?.length).toBe(archive.bytes);
      const entries = unzipSync(new Uint8Array(bytes ?? Buffer.alloc(0)));
      const manifest = JSON.parse(strFromU8(entries['manifest.json']));
      expect(manifest.source).toMatchObject({
        blogId: siteA.blogId,
        home: 'http://alpha.net1.localhost',
        tablePrefix: `wp_${siteA.blogId}_`,
      });
      const posts = manifest.tables.find((table: { name: string }) => table.name === 'posts');
      expect(posts.rows).toBe(
        Number(await suite.network.query(`SELECT COUNT(*) FROM wp_${siteA.blogId}_posts`)),
      );
      expect(entries['tables/posts.sql']).toBeDefined();
      expect(manifest.uploads).toEqual([
        expect.objectContaining({ path: `${uploaded.subdir.slice(1)}/hello.txt`, bytes: 16 }),
      ]);
      expect(strFromU8(entries[`uploads/${uploaded.subdir.slice(1)}/hello.txt`])).toBe('hello from alpha');
      expect(archive.uploads).toEqual({ files: 1, bytes: 16 });
    });

    it('clones the site under another domain: content, file and serialized URLs rewritten with correct lengths', async () => {
      const clone = await suite.client.cloneSite(suite.connection, {
        source: siteA,
        target: { domain: suite.network.hostFor('gamma'), title: 'Gamma', adminEmail: 'owner@gamma.test' },
        artifact: {
          uploadUrl: suite.artifacts.urlFor('alpha-clone.zip'),
          downloadUrl: suite.artifacts.urlFor('alpha-clone.zip'),
        },
      });
      const gamma: SiteRef = { blogId: clone.site.blogId, host: 'gamma.net1.localhost' };
      const newFileUrl = `http://gamma.net1.localhost/wp-content/uploads/sites/${gamma.blogId}${uploaded.subdir}/hello.txt`;

      expect(clone.restore.files).toBe(1);
      expect(await suite.client.getSiteInfo(suite.connection, gamma)).toMatchObject({
        name: 'Alpha Shop',
        url: 'http://gamma.net1.localhost',
      });
      expect(
        await suite.network.query(
          `SELECT post_title FROM wp_${gamma.blogId}_posts WHERE post_status = 'publish' AND post_type IN ('post', 'page') AND post_title IN ('First post', 'Second post', 'Contact') ORDER BY post_title`,
        ),
      ).toBe('Contact\nFirst post\nSecond post');
      const content = await suite.network.query(
        `SELECT post_content FROM wp_${gamma.blogId}_posts WHERE post_title = 'First post'`,
      );
      expect(content).toBe(`<a href="${newFileUrl}">file</a> on http://gamma.net1.localhost/`);
      const file = join(
        suite.network.docRoot,
        `wp-content/uploads/sites/${gamma.blogId}${uploaded.subdir}/hello.txt`,
      );
      expect(readFileSync(file, 'utf8')).toBe('hello from alpha');
      const served = await suite.network.request(new URL(newFileUrl).pathname, { host: gamma.host });
      expect(served).toMatchObject({ status: 200, body: 'hello from alpha' });

      const raw = (
        await suite.network.query(
          `SELECT option_value FROM wp_${gamma.blogId}_options WHERE option_name = '${serializedOption}'`,
        )
      ).trim();
      expect(raw).toContain(
        `s:${Buffer.byteLength('http://gamma.net1.localhost/')}:"http://gamma.net1.localhost/"`,
      );
      expect(raw).toContain(`s:${Buffer.byteLength(newFileUrl)}:"${newFileUrl}"`);
      expect(raw).not.toContain('alpha.net1.localhost');
      expect(JSON.parse(await php(`echo json_encode(get_option('${serializedOption}'));`, gamma))).toEqual({
        home: 'http://gamma.net1.localhost/',
        nested: { file: newFileUrl, plain: 'no url' },
        object: { link: 'http://gamma.net1.localhost/shop' },
        reserialized: 'a:1:{i:0;s:28:"http://gamma.net1.localhost/";}',
        count: 3,
      });
      expect(
        await suite.network.query(
          `SELECT COUNT(*) FROM wp_${gamma.blogId}_options WHERE option_name = 'wp_${gamma.blogId}_user_roles'`,
        ),
      ).toBe('1');
      expect(
        rows(
          await suite.network.query(
            `SELECT option_value FROM wp_${siteA.blogId}_options WHERE option_name = 'home'`,
          ),
        ),
      ).toEqual([['http://alpha.net1.localhost']]);
    });

    it('restores a backup into the site it came from', async () => {
      await suite.network.query(
        `UPDATE wp_${siteA.blogId}_posts SET post_title = 'Changed after backup' WHERE post_title = 'Second post'`,
      );
      await php(
        "wp_delete_file(wp_upload_dir()['basedir'] . '/" + `${uploaded.subdir.slice(1)}/hello.txt');`,
        siteA,
      );

      const restored = await suite.client.restoreBackup(suite.connection, siteA, {
        downloadUrl: suite.artifacts.urlFor('alpha-backup.zip'),
        sha256: archive.sha256,
      });

      expect(restored).toMatchObject({ blogId: siteA.blogId, tables: archive.tables.length, files: 1 });
      expect(
        await suite.network.query(
          `SELECT COUNT(*) FROM wp_${siteA.blogId}_posts WHERE post_title = 'Second post'`,
        ),
      ).toBe('1');
      expect(readFileSync(uploaded.file, 'utf8')).toBe('hello from alpha');
      expect((await suite.client.getSiteInfo(suite.connection, siteA)).url).toBe(
        'http://alpha.net1.localhost',
      );
    });

    it('refuses an archive whose sha256 does not match and leaves the site as it was', async () => {
      const before = await suite.network.query(`CHECKSUM TABLE wp_${siteA.blogId}_posts`);

      await expect(
        suite.client.restoreBackup(suite.connection, siteA, {
          downloadUrl: suite.artifacts.urlFor('alpha-backup.zip'),
          sha256: '0'.repeat(64),
        }),
      ).rejects.toMatchObject({ code: 'WORDPRESS_CHECKSUM_MISMATCH', upstreamStatus: 422, retryable: false });
      expect(await suite.network.query(`CHECKSUM TABLE wp_${siteA.blogId}_posts`)).toBe(before);
    });
  });

  describe('site status and deletion', () => {
    it('suspends a site so its URL answers 410, and reactivates it so it answers again', async () => {
      expect((await suite.network.request('/', { host: siteB.host })).status).toBe(200);

      await expect(suite.client.setSiteStatus(suite.connection, siteB, 'archived')).resolves.toMatchObject({
        status: 'archived',
      });
      const suspended = await suite.network.request('/', { host: siteB.host });
      expect(suspended.status).toBe(410);
      expect(suspended.body).toContain('archived or suspended');

      await expect(suite.client.setSiteStatus(suite.connection, siteB, 'deactivated')).resolves.toMatchObject(
        { status: 'deactivated' },
      );
      expect((await suite.network.request('/', { host: siteB.host })).status).toBe(410);

      await expect(suite.client.setSiteStatus(suite.connection, siteB, 'active')).resolves.toMatchObject({
        status: 'active',
      });
      const back = await suite.network.request('/', { host: siteB.host });
      expect(back.status).toBe(200);
      expect(back.body).toContain('Welcome to the fixture site.');
    });

    it('deletes a site with its tables and uploads', async () => {
      const doomed = await suite.client.createSite(suite.connection, {
        domain: suite.network.hostFor('doomed'),
        title: 'Doomed',
        adminEmail: 'owner@alpha.test',
      });

      await suite.client.deleteSite(suite.connection, doomed);

      expect(
        await suite.network.query(`SELECT COUNT(*) FROM wp_blogs WHERE blog_id = ${doomed.blogId}`),
      ).toBe('0');
      expect(await suite.network.query(`SHOW TABLES LIKE 'wp\\_${doomed.blogId}\\_%'`)).toBe('');
      await expect(suite.client.deleteSite(suite.connection, doomed)).rejects.toMatchObject({
        code: 'WORDPRESS_SITE_NOT_FOUND',
        upstreamStatus: 404,
        retryable: false,
      });
    });
  });
});
