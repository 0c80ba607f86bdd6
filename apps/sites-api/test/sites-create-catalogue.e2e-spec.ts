import { buildPluginVersion, buildVulnerability } from '@bbws/testing-factories';
import { uniqueSubdomain } from '@bbws/testing-sites';
import { SitesFixture } from './sites-api.fixture';

describe('POST /v1.0/tenants/:tenantId/sites with a template and plugins from the catalogues', () => {
  let fx: SitesFixture;
  beforeAll(async () => {
    fx = await SitesFixture.start();
  });
  afterAll(() => fx?.close());

  it('answers 422 TEMPLATE_NOT_AVAILABLE for a draft, archived or unknown template', async () => {
    const { tenantId, collection } = await fx.tenantWithInstance();
    const draft = await fx.template({ status: 'DRAFT', publishedAt: null });
    const archived = await fx.template({ status: 'ARCHIVED' });
    for (const [templateId, templateStatus] of [
      [draft.templateId, 'DRAFT'],
      [archived.templateId, 'ARCHIVED'],
      ['tpl-00000000-0000-4000-8000-000000000000', null],
    ] as const) {
      const response = await fx.call('POST', collection, fx.admin.token, {
        siteName: 'T',
        subdomain: uniqueSubdomain(),
        templateId,
      });
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({
        code: 'TEMPLATE_NOT_AVAILABLE',
        details: { templateId, templateStatus },
      });
    }
    const tooNew = await fx.template({ minWordPressVersion: '6.9' });
    const incompatible = await fx.call('POST', collection, fx.admin.token, {
      siteName: 'T',
      subdomain: uniqueSubdomain(),
      templateId: tooNew.templateId,
    });
    expect(incompatible.status).toBe(422);
    expect(incompatible.body.error).toMatchObject({
      code: 'INCOMPATIBLE_WORDPRESS',
      details: { templateId: tooNew.templateId, minWordPressVersion: '6.9', wordpressVersion: '6.6' },
    });
    expect(await fx.storedSites(tenantId)).toEqual([]);
  });

  it('refuses plugins the catalogue check refuses, with its reason and details, storing nothing', async () => {
    const { tenantId, collection } = await fx.tenantWithInstance();
    const blocklisted = await fx.plugin({ isBlocklisted: true, blocklistReason: 'Malware' });
    const vulnerability = buildVulnerability();
    const vulnerable = await fx.plugin({
      versions: [
        buildPluginVersion('1.0.0', { vulnerabilities: [vulnerability] }),
        buildPluginVersion('1.0.1'),
      ],
      latestVersion: '1.0.0',
    });
    const modern = await fx.plugin({
      versions: [buildPluginVersion('2.0.0', { minWordPressVersion: '6.8' })],
    });
    const rival = await fx.plugin();
    const jealous = await fx.plugin({ conflictsWith: [rival.pluginId] });
    const unapproved = await fx.plugin({ isApproved: false });
    const fine = await fx.plugin();
    const cases: Array<[string[], number, string, Record<string, unknown>]> = [
      [
        [fine.pluginId, blocklisted.pluginId],
        422,
        'PLUGIN_BLOCKLISTED',
        { pluginId: blocklisted.pluginId, blocklistReason: 'Malware' },
      ],
      [
        [vulnerable.pluginId],
        422,
        'PLUGIN_VULNERABLE',
        {
          pluginId: vulnerable.pluginId,
          version: '1.0.0',
          vulnerabilityIds: [vulnerability.id],
          safeVersion: '1.0.1',
        },
      ],
      [
        [modern.pluginId],
        422,
        'INCOMPATIBLE_WORDPRESS',
        { pluginId: modern.pluginId, version: '2.0.0', minWordPressVersion: '6.8', wordpressVersion: '6.6' },
      ],
      [
        [rival.pluginId, jealous.pluginId],
        409,
        'PLUGIN_CONFLICT',
        { conflictingPluginId: expect.any(String) },
      ],
      [
        [unapproved.pluginId],
        422,
        'PLUGIN_NOT_AVAILABLE',
        { pluginId: unapproved.pluginId, reason: 'NOT_APPROVED' },
      ],
      [
        ['plg-00000000-0000-4000-8000-000000000000'],
        422,
        'PLUGIN_NOT_AVAILABLE',
        { pluginId: 'plg-00000000-0000-4000-8000-000000000000', reason: 'PLUGIN_NOT_FOUND' },
      ],
    ];
    for (const [plugins, status, code, details] of cases) {
      const response = await fx.call('POST', collection, fx.admin.token, {
        siteName: 'P',
        subdomain: uniqueSubdomain(),
        plugins,
      });
      expect([code, response.status]).toEqual([code, status]);
      expect(response.body.error).toMatchObject({ code, details });
    }
    const ok = await fx.call('POST', collection, fx.admin.token, {
      siteName: 'P',
      subdomain: uniqueSubdomain(),
      plugins: [fine.pluginId, rival.pluginId],
    });
    expect(ok.status).toBe(202);
    expect(await fx.storedSites(tenantId)).toHaveLength(1);
  });
});
