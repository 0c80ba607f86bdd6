import { PluginsFixture } from './plugins-api.fixture';
import {
  buildVersion,
  emptyTable,
  IMPORT_URL,
  sampleFeed,
  VulnerabilityImports,
} from './vulnerabilities.fixture';

const SETTINGS_RECORD = '0b6f3c1e-6a61-4f9e-9d0c-2a7e5b1f4c01';
const ELSEWHERE_RECORD = '1c7a4d2f-7b72-4a0f-8e1d-3b8f6c2a5d02';
const CONFLICTING_RECORD = '2d8b5e3a-8c83-4b1a-9f2e-4c9a7d3b6e03';
const MANUAL = {
  id: 'bbws-2026-001',
  title: 'Found by our own review',
  severity: 'LOW' as const,
  cvssScore: null,
  cve: null,
  fixedIn: null,
  source: 'MANUAL' as const,
};

describe('POST /v1.0/admin/plugins/vulnerabilities/import', () => {
  let api: PluginsFixture;
  let imports: VulnerabilityImports;

  beforeAll(async () => {
    api = await PluginsFixture.start();
    imports = new VulnerabilityImports(api);
  });

  afterAll(async () => {
    api.store.destroy();
    await api.close();
  });

  beforeEach(() => emptyTable(api.db));

  /** The sample feed's catalogue: the settings fixture 2.0.0 and 1.0.0, the conflicting fixture, an unrelated plugin. */
  const seedCatalogue = async () => ({
    settings: await imports.seed('bbws-fixture-settings', [buildVersion('2.0.0'), buildVersion('1.0.0')]),
    conflicting: await imports.seed('bbws-fixture-conflicting', [buildVersion('1.0.0')]),
    unrelated: await imports.seed('bbws-unrelated', [buildVersion('1.0.0')]),
  });

  it('marks exactly the affected catalogue versions and reports what changed', async () => {
    const { settings, conflicting, unrelated } = await seedCatalogue();

    const response = await imports.importFeed(sampleFeed());

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      recordsRead: 4,
      recordsMatched: 2,
      pluginsChanged: 2,
      changes: [
        {
          pluginId: conflicting.pluginId,
          wpSlug: 'bbws-fixture-conflicting',
          version: '1.0.0',
          added: [CONFLICTING_RECORD],
          removed: [],
          updated: [],
          _links: { plugin: { href: `/v1.0/plugins/${conflicting.pluginId}` } },
        },
        {
          pluginId: settings.pluginId,
          wpSlug: 'bbws-fixture-settings',
          version: '1.0.0',
          added: [SETTINGS_RECORD],
          removed: [],
          updated: [],
          _links: { plugin: { href: `/v1.0/plugins/${settings.pluginId}` } },
        },
      ],
      skipped: [],
      _links: {
        import: { href: IMPORT_URL, method: 'POST' },
        upload: { href: '/v1.0/admin/plugins/uploads', method: 'POST' },
        plugins: { href: '/v1.0/admin/plugins' },
      },
    });
    const stored = await api.stored(settings.pluginId);
    expect(stored.versions.map((entry) => [entry.version, entry.vulnerabilities])).toEqual([
      ['2.0.0', []],
      [
        '1.0.0',
        [
          {
            id: SETTINGS_RECORD,
            title: 'BBWS Fixture Settings 1.0.0 - Authenticated (Subscriber+) Settings Update',
            severity: 'MEDIUM',
            cvssScore: 6.5,
            cve: 'CVE-2026-10001',
            fixedIn: '2.0.0',
            source: 'WORDFENCE',
          },
        ],
      ],
    ]);
    expect((await api.stored(conflicting.pluginId)).versions[0].vulnerabilities).toEqual([
      expect.objectContaining({
        id: CONFLICTING_RECORD,
        severity: 'CRITICAL',
        cvssScore: 9.1,
        cve: null,
        fixedIn: null,
      }),
    ]);
    expect(await api.stored(unrelated.pluginId)).toEqual(unrelated);
  });

  it('shows the marks on the plugin a customer reads', async () => {
    const { settings } = await seedCatalogue();
    await imports.importFeed(sampleFeed());

    const read = await api.call('GET', `/v1.0/plugins/${settings.pluginId}`, api.customer.token);

    expect(read.status).toBe(200);
    expect(read.body.versions).toEqual([
      expect.objectContaining({ version: '2.0.0', vulnerabilities: [] }),
      expect.objectContaining({
        version: '1.0.0',
        vulnerabilities: [
          expect.objectContaining({ id: SETTINGS_RECORD, severity: 'MEDIUM', fixedIn: '2.0.0' }),
        ],
      }),
    ]);
  });

  it('changes nothing when the same feed comes again', async () => {
    const { settings, conflicting } = await seedCatalogue();
    await imports.importFeed(sampleFeed());
    const before = [await api.stored(settings.pluginId), await api.stored(conflicting.pluginId)];

    const again = await imports.importFeed(sampleFeed());

    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      recordsRead: 4,
      recordsMatched: 2,
      pluginsChanged: 0,
      changes: [],
      skipped: [],
    });
    expect([await api.stored(settings.pluginId), await api.stored(conflicting.pluginId)]).toEqual(before);
  });

  it('removes a vulnerability the feed no longer holds, and reports a changed one as updated', async () => {
    const { settings, conflicting } = await seedCatalogue();
    await imports.importFeed(sampleFeed());
    const { [SETTINGS_RECORD]: _dropped, ...rest } = sampleFeed();
    rest[CONFLICTING_RECORD].cvss.rating = 'High';

    const response = await imports.importFeed(rest);

    expect(response.body).toMatchObject({
      recordsRead: 3,
      pluginsChanged: 2,
      changes: [
        {
          pluginId: conflicting.pluginId,
          version: '1.0.0',
          added: [],
          removed: [],
          updated: [CONFLICTING_RECORD],
        },
        { pluginId: settings.pluginId, version: '1.0.0', added: [], removed: [SETTINGS_RECORD], updated: [] },
      ],
    });
    expect(await imports.marks(settings.pluginId)).toEqual({ '2.0.0': [], '1.0.0': [] });
    expect((await api.stored(conflicting.pluginId)).versions[0].vulnerabilities[0].severity).toBe('HIGH');
  });

  it('keeps MANUAL vulnerabilities through every import', async () => {
    const settings = await imports.seed('bbws-fixture-settings', [
      buildVersion('2.0.0'),
      buildVersion('1.0.0', [MANUAL]),
    ]);

    await imports.importFeed(sampleFeed());
    expect(await imports.marks(settings.pluginId)).toEqual({
      '2.0.0': [],
      '1.0.0': [`MANUAL:${MANUAL.id}`, `WORDFENCE:${SETTINGS_RECORD}`],
    });

    const emptied = await imports.importFeed({});

    expect(emptied.body).toMatchObject({
      recordsRead: 0,
      changes: [{ version: '1.0.0', removed: [SETTINGS_RECORD] }],
    });
    expect(await imports.marks(settings.pluginId)).toEqual({ '2.0.0': [], '1.0.0': [`MANUAL:${MANUAL.id}`] });
    expect((await api.stored(settings.pluginId)).versions[1].vulnerabilities).toEqual([MANUAL]);
  });

  it('is for platform admins: a customer gets 403 and nothing changes', async () => {
    const { settings } = await seedCatalogue();

    const response = await imports.importFeed(sampleFeed(), api.customer.token);

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    expect(await api.stored(settings.pluginId)).toEqual(settings);
  });

  it.each([
    ['a list instead of records', [sampleFeed()[SETTINGS_RECORD]], 'feed'],
    [
      'a record without software',
      { [SETTINGS_RECORD]: { id: SETTINGS_RECORD, title: 'x' } },
      `${SETTINGS_RECORD}.software`,
    ],
    [
      'a malformed record after good ones',
      { ...sampleFeed(), broken: { id: 'broken', title: 'x', software: [{ type: 'plugin' }] } },
      'broken.software[0].slug',
    ],
    ['an upload id that is not a string', { uploadId: 42 }, 'uploadId'],
    ['an upload id next to other fields', { uploadId: 'upl-1', [SETTINGS_RECORD]: {} }, 'uploadId'],
  ])('refuses %s with 400 INVALID_FEED and changes nothing', async (_label, body, field) => {
    const { settings, conflicting } = await seedCatalogue();
    await imports.importFeed(sampleFeed());
    const before = [await api.stored(settings.pluginId), await api.stored(conflicting.pluginId)];

    const response = await imports.importFeed(body);

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'INVALID_FEED', details: { fields: [{ field }] } });
    expect([await api.stored(settings.pluginId), await api.stored(conflicting.pluginId)]).toEqual(before);
  });

  it('imports a feed uploaded through a presigned PUT, streamed from the artifact store, then discards the upload', async () => {
    const { settings, conflicting } = await seedCatalogue();
    const uploadId = await imports.uploadFeed(JSON.stringify(sampleFeed()));

    const response = await imports.importFeed({ uploadId });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      recordsRead: 4,
      recordsMatched: 2,
      pluginsChanged: 2,
      changes: [
        { pluginId: conflicting.pluginId, added: [CONFLICTING_RECORD] },
        { pluginId: settings.pluginId, added: [SETTINGS_RECORD] },
      ],
    });
    expect(await imports.marks(settings.pluginId)).toEqual({
      '2.0.0': [],
      '1.0.0': [`WORDFENCE:${SETTINGS_RECORD}`],
    });
    expect(await api.store.head(`uploads/${uploadId}`)).toBeUndefined();
  });

  it('streams an uploaded feed far above the body limit, keeping only catalogue records', async () => {
    const { settings } = await seedCatalogue();
    const feed: Record<string, unknown> = {};
    const other = sampleFeed()[ELSEWHERE_RECORD];
    for (let index = 0; index < 3000; index += 1) {
      const id = `${ELSEWHERE_RECORD.slice(0, -5)}${String(index).padStart(5, '0')}`;
      feed[id] = { ...other, id, software: [{ ...other.software[0], slug: `elsewhere-${index}` }] };
    }
    feed[SETTINGS_RECORD] = sampleFeed()[SETTINGS_RECORD];
    const bytes = JSON.stringify(feed);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);

    const inline = await imports.importFeed(feed);
    const response = await imports.importFeed({ uploadId: await imports.uploadFeed(bytes) });

    expect(inline.status).toBe(400);
    expect(response.body).toMatchObject({ recordsRead: 3001, recordsMatched: 1, pluginsChanged: 1 });
    expect(await imports.marks(settings.pluginId)).toEqual({
      '2.0.0': [],
      '1.0.0': [`WORDFENCE:${SETTINGS_RECORD}`],
    });
  });

  it('refuses an uploaded file that is not a JSON object with 400 INVALID_FEED and changes nothing', async () => {
    const { settings } = await seedCatalogue();
    const truncated = await imports.uploadFeed(JSON.stringify(sampleFeed()).slice(0, 900));
    const list = await imports.uploadFeed(JSON.stringify([sampleFeed()[SETTINGS_RECORD]]));

    for (const uploadId of [truncated, list]) {
      const response = await imports.importFeed({ uploadId });

      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'INVALID_FEED',
        details: { fields: [{ field: 'feed' }] },
      });
    }
    expect(await api.stored(settings.pluginId)).toEqual(settings);
  });

  it('answers 404 UPLOAD_NOT_FOUND for an upload never made, and 400 for a malformed upload id', async () => {
    const missing = await imports.importFeed({ uploadId: 'upl-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' });
    const malformed = await imports.importFeed({ uploadId: 'feed.json' });

    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('UPLOAD_NOT_FOUND');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.fields).toEqual([
      { field: 'uploadId', messages: [expect.any(String)] },
    ]);
  });
});
