import { createHash } from 'node:crypto';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeSeed, seedCatalogue, type SeedReport } from '../local/seed/seed-catalogue';
import { loadSeedData, seedDataDir } from '../local/seed/seed-data';
import { buildPackage } from '../local/seed/seed-packages';
import { SeedCatalogueFixture } from './seed-catalogue.fixture';

const root = path.resolve(__dirname, '../..');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const THEMES = '/usr/share/wordpress/wp-content/themes';

async function akismetVersion(): Promise<string> {
  const main = await readFile('/usr/share/wordpress/wp-content/plugins/akismet/akismet.php', 'utf8');
  return /^\s*\*?\s*Version:\s*(\S+)/m.exec(main)?.[1] ?? 'unknown';
}

/** `npm run seed`'s work against the compiled templates and plugins services, twice. */
describe('catalogue seed (npm run seed, npm start on a fresh data directory)', () => {
  let fixture: SeedCatalogueFixture;
  let first: SeedReport;
  const run = () =>
    seedCatalogue({ target: fixture.target, token: fixture.admin.token, dataDir: seedDataDir(root) });

  beforeAll(async () => {
    fixture = await SeedCatalogueFixture.start();
    first = await run();
  }, 180_000);

  afterAll(async () => {
    await fixture?.close();
  }, 60_000);

  it('first run registers every plugin with its versions, the conflict, the vulnerability and publishes the templates', async () => {
    expect(first).toEqual({
      pluginsCreated: [
        'akismet',
        'bbws-fixture-settings',
        'bbws-fixture-conflicting',
        'bbws-meta-description',
      ],
      versionsAdded: [
        `akismet@${await akismetVersion()}`,
        'bbws-fixture-settings@1.0.0',
        'bbws-fixture-settings@2.0.0',
        'bbws-fixture-conflicting@1.0.0',
        'bbws-meta-description@1.2.0',
        'bbws-meta-description@1.3.0',
      ],
      conflictsSet: ['bbws-fixture-conflicting'],
      vulnerabilitiesChanged: ['bbws-fixture-settings@1.0.0'],
      templatesCreated: ['Harbour Business', 'Field Notes Blog', 'Studio Portfolio'],
      templatesPublished: ['Harbour Business', 'Field Notes Blog', 'Studio Portfolio'],
    });
    expect(describeSeed(first)).toBe(
      'catalogue seed: 4 plugins created, 6 plugin versions added, 1 conflict set, 1 plugin version with vulnerabilities updated, 3 templates created, 3 templates published',
    );
  });

  it('customers see the seeded plugins, the vulnerable settings 1.0.0 and the conflicting pair', async () => {
    const { pluginsApi } = fixture.target;
    const list = await fixture.get(`${pluginsApi}/plugins?pageSize=100`, fixture.customer);
    expect(list.status).toBe(200);
    expect(list.body.items.map((plugin: { name: string }) => plugin.name)).toEqual([
      'Akismet Anti-Spam',
      'BBWS Fixture Conflicting',
      'BBWS Fixture Settings',
      'BBWS Meta Description Pro',
    ]);
    const bySlug = new Map(list.body.items.map((plugin: any) => [plugin.wpSlug, plugin.pluginId]));
    expect(list.body.items.find((plugin: any) => plugin.wpSlug === 'bbws-meta-description').pricing).toBe(
      'PREMIUM',
    );

    const settings = (await fixture.get(`${pluginsApi}/plugins/${bySlug.get('bbws-fixture-settings')}`)).body;
    expect(settings.latestVersion).toBe('2.0.0');
    expect(settings.conflictsWith).toEqual([bySlug.get('bbws-fixture-conflicting')]);
    const [v2, v1] = settings.versions;
    expect([v2.version, v1.version]).toEqual(['2.0.0', '1.0.0']);
    expect(v1.vulnerabilities).toEqual([
      expect.objectContaining({
        id: '5d9f1b8e-3c4a-4f0e-9a61-2b7d8c0e4f12',
        fixedIn: '2.0.0',
        severity: 'MEDIUM',
        source: 'WORDFENCE',
      }),
    ]);
    expect(v2.vulnerabilities).toEqual([]);

    const check = (pluginId: unknown, query: string) =>
      fixture.get(
        `${pluginsApi}/plugins/${pluginId}/installability?wordpressVersion=6.4${query}`,
        fixture.customer,
      );
    expect((await check(bySlug.get('bbws-fixture-settings'), '&version=1.0.0')).body).toMatchObject({
      ok: false,
      reason: 'VULNERABLE',
      safeVersion: '2.0.0',
    });
    expect(
      (
        await check(
          bySlug.get('bbws-fixture-conflicting'),
          `&installed=${bySlug.get('bbws-fixture-settings')}`,
        )
      ).body,
    ).toMatchObject({ ok: false, reason: 'CONFLICT' });
    expect((await check(bySlug.get('akismet'), '')).body).toMatchObject({ ok: true });
  });

  it('every seeded version downloads from the artifact store with the sha256 of the package built from its source', async () => {
    const { pluginsApi } = fixture.target;
    const data = await loadSeedData(seedDataDir(root));
    const listed = (await fixture.get(`${pluginsApi}/admin/plugins?pageSize=100`)).body.items;
    for (const seed of data.plugins) {
      const { pluginId } = listed.find((plugin: any) => plugin.wpSlug === seed.wpSlug);
      const plugin = (await fixture.get(`${pluginsApi}/plugins/${pluginId}`)).body;
      const expected = await Promise.all(
        seed.packages.map(async (source) => sha256(await buildPackage(source, seed.wpSlug, data.directory))),
      );
      const stored: string[] = [];
      for (const { version } of plugin.versions) {
        const link = await fixture.get(
          `${pluginsApi}/admin/plugins/${pluginId}/versions/${version}/download`,
        );
        expect(link.status).toBe(200);
        const bytes = new Uint8Array(await (await fetch(link.body.downloadUrl)).arrayBuffer());
        expect(sha256(bytes)).toBe(link.body.sha256);
        expect(bytes.length).toBe(link.body.size);
        stored.push(link.body.sha256);
      }
      expect(stored.sort()).toEqual(expected.sort());
    }
  });

  it('customers see the three published templates with their pages, options, plugin and theme screenshot', async () => {
    const { templatesApi, pluginsApi } = fixture.target;
    const settingsId = (await fixture.get(`${pluginsApi}/plugins?pageSize=100`)).body.items.find(
      (plugin: any) => plugin.wpSlug === 'bbws-fixture-settings',
    ).pluginId;
    const list = await fixture.get(`${templatesApi}/templates?pageSize=100`, fixture.customer);
    expect(list.status).toBe(200);
    expect(
      list.body.items.map((template: any) => [template.name, template.category, template.theme.slug]),
    ).toEqual([
      ['Field Notes Blog', 'BLOG', 'twentytwentythree'],
      ['Harbour Business', 'BUSINESS', 'twentytwentythree'],
      ['Studio Portfolio', 'PORTFOLIO', 'twentytwentytwo'],
    ]);
    for (const template of list.body.items) {
      expect(template).toMatchObject({
        status: 'PUBLISHED',
        plugins: [settingsId],
        options: expect.objectContaining({ show_on_front: 'page', page_on_front: 'home' }),
      });
      expect(template.pages.map((page: { slug: string }) => page.slug)).toEqual(['home', 'about', 'contact']);
      expect(template.pages[0].content).toMatch(/^<!-- wp:/);
      const screenshot = await readFile(path.join(THEMES, template.theme.slug, 'screenshot.png'));
      expect(template.screenshots).toEqual([expect.objectContaining({ sha256: sha256(screenshot) })]);
      const preview = await fixture.get(
        `${templatesApi}/templates/${template.templateId}/preview`,
        fixture.customer,
      );
      const bytes = new Uint8Array(await (await fetch(preview.body.previewUrl)).arrayBuffer());
      expect(sha256(bytes)).toBe(sha256(screenshot));
    }
  });

  it('a second run changes nothing and says so (also when a package rezips to other bytes); a deleted seeded template is created again alone', async () => {
    const { templatesApi, pluginsApi } = fixture.target;
    const snapshot = async () => {
      const plugins = (await fixture.get(`${pluginsApi}/admin/plugins?pageSize=100`)).body.items;
      const templates = (await fixture.get(`${templatesApi}/admin/templates?pageSize=100`)).body.items;
      return [...plugins, ...templates]
        .map((item: any) => `${item.pluginId ?? item.templateId}:${item.version}`)
        .sort();
    };
    const before = await snapshot();
    const second = await run();
    expect(second).toEqual({
      pluginsCreated: [],
      versionsAdded: [],
      conflictsSet: [],
      vulnerabilitiesChanged: [],
      templatesCreated: [],
      templatesPublished: [],
    });
    expect(describeSeed(second)).toBe('catalogue seed: already seeded, nothing changed');
    expect(await snapshot()).toEqual(before);

    // A package of a version the catalogue holds, from other bytes (rezipped differently): left alone.
    const changedData = await mkdtemp(path.join(tmpdir(), 'bbws-seed-data-'));
    await cp(seedDataDir(root), changedData, { recursive: true });
    await appendFile(path.join(changedData, 'packages/bbws-meta-description/readme.txt'), '\nRezipped.\n');
    const plugins = JSON.parse(await readFile(path.join(changedData, 'plugins.json'), 'utf8'));
    plugins.find((plugin: any) => plugin.wpSlug === 'bbws-meta-description').packages = [
      { directory: 'packages/bbws-meta-description' },
    ];
    await writeFile(path.join(changedData, 'plugins.json'), JSON.stringify(plugins));
    const rezipped = await seedCatalogue({
      target: fixture.target,
      token: fixture.admin.token,
      dataDir: changedData,
    }).finally(() => rm(changedData, { recursive: true, force: true }));
    expect(describeSeed(rezipped)).toBe('catalogue seed: already seeded, nothing changed');
    expect(await snapshot()).toEqual(before);

    const studio = (await fixture.get(`${templatesApi}/admin/templates?pageSize=100`)).body.items.find(
      (template: any) => template.name === 'Studio Portfolio',
    );
    const deleted = await fetch(`${templatesApi}/admin/templates/${studio.templateId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${fixture.admin.token}` },
    });
    expect(deleted.status).toBe(204);
    const third = await run();
    expect(third).toMatchObject({
      pluginsCreated: [],
      versionsAdded: [],
      templatesCreated: ['Studio Portfolio'],
      templatesPublished: ['Studio Portfolio'],
    });
  }, 60_000);
});
