import { SitesFixture } from './sites-api.fixture';

describe('POST /v1.0/tenants/:tenantId/sites/:siteId/apply-template', () => {
  let fx: SitesFixture;
  beforeAll(async () => {
    fx = await SitesFixture.start();
  });
  afterAll(() => fx?.close());

  async function site(overrides: Parameters<SitesFixture['storedSite']>[2] = {}, environment = 'DEV') {
    const tenant = await fx.tenant();
    const instance = await fx.instance(tenant.tenantId, { environment: environment as never });
    const stored = await fx.storedSite(tenant.tenantId, instance, overrides);
    const url = `/v1.0/tenants/${tenant.tenantId}/sites/${stored.siteId}/apply-template`;
    return { tenantId: tenant.tenantId, site: stored, url };
  }

  it('answers 202 TEMPLATE_APPLICATION for an empty site without confirmation', async () => {
    const { tenantId, site: empty, url } = await site();
    const template = await fx.template();
    const operator = await fx.member(tenantId, 'OPERATOR');
    const response = await fx.call('POST', url, operator.token, { templateId: template.templateId });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ type: 'TEMPLATE_APPLICATION', resourceId: empty.siteId });
    expect(await fx.messagesFor('site-update', response.body.operationId)).toEqual([
      expect.objectContaining({
        messageType: 'TEMPLATE_APPLICATION',
        payload: { siteId: empty.siteId, templateId: template.templateId, confirmReplacement: false },
      }),
    ]);
  });

  it('needs confirmReplacement for a site with a template or promoted content (422 REPLACEMENT_NOT_CONFIRMED)', async () => {
    const template = await fx.template();
    for (const content of [
      { templateId: 'tpl-00000000-0000-4000-8000-000000000003' },
      { promotedFromSiteId: 'site-00000000-0000-4000-8000-000000000004' },
    ]) {
      const { tenantId, site: full, url } = await site(content);
      const refused = await fx.call('POST', url, fx.admin.token, { templateId: template.templateId });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'REPLACEMENT_NOT_CONFIRMED',
        details: { siteId: full.siteId, currentTemplateId: full.templateId },
      });
      expect(await fx.sites.get(tenantId, full.siteId)).toEqual(full);
      const confirmed = await fx.call('POST', url, fx.admin.token, {
        templateId: template.templateId,
        confirmReplacement: true,
      });
      expect(confirmed.status).toBe(202);
      expect(await fx.messagesFor('site-update', confirmed.body.operationId)).toEqual([
        expect.objectContaining({ payload: expect.objectContaining({ confirmReplacement: true }) }),
      ]);
    }
  });

  it('refuses a template that is not PUBLISHED or needs a newer WordPress', async () => {
    const { tenantId, site: empty, url } = await site({ wordpressVersion: '6.6' });
    const draft = await fx.template({ status: 'DRAFT' });
    const unpublished = await fx.call('POST', url, fx.admin.token, { templateId: draft.templateId });
    expect(unpublished.status).toBe(422);
    expect(unpublished.body.error).toMatchObject({
      code: 'TEMPLATE_NOT_AVAILABLE',
      details: { templateId: draft.templateId, templateStatus: 'DRAFT' },
    });
    const unknown = await fx.call('POST', url, fx.admin.token, {
      templateId: 'tpl-00000000-0000-4000-8000-0000000000ff',
    });
    expect(unknown.body.error).toMatchObject({
      code: 'TEMPLATE_NOT_AVAILABLE',
      details: { templateStatus: null },
    });
    const newer = await fx.template({ minWordPressVersion: '6.9' });
    const incompatible = await fx.call('POST', url, fx.admin.token, { templateId: newer.templateId });
    expect(incompatible.status).toBe(422);
    expect(incompatible.body.error).toMatchObject({
      code: 'INCOMPATIBLE_WORDPRESS',
      details: { minWordPressVersion: '6.9', wordpressVersion: '6.6' },
    });
    expect(await fx.sites.get(tenantId, empty.siteId)).toEqual(empty);
  });

  it('refuses PROD (PROD_CONTENT_LOCKED, platform admins excepted) and sites that are not ACTIVE', async () => {
    const template = await fx.template();
    const prod = await site({}, 'PROD');
    const admin = await fx.member(prod.tenantId, 'ADMIN');
    const locked = await fx.call('POST', prod.url, admin.token, { templateId: template.templateId });
    expect(locked.status).toBe(422);
    expect(locked.body.error).toMatchObject({
      code: 'PROD_CONTENT_LOCKED',
      details: { action: 'APPLY_TEMPLATE' },
    });
    expect(
      (await fx.call('POST', prod.url, fx.admin.token, { templateId: template.templateId })).status,
    ).toBe(202);

    const suspended = await site({ status: 'SUSPENDED' });
    const response = await fx.call('POST', suspended.url, fx.admin.token, {
      templateId: template.templateId,
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'INVALID_SITE_STATE',
      details: { status: 'SUSPENDED' },
    });
  });

  it('is for ADMIN and OPERATOR, validates input, checks If-Match and replays an Idempotency-Key', async () => {
    const { tenantId, site: empty, url } = await site();
    const template = await fx.template();
    const body = { templateId: template.templateId };
    const viewer = await fx.member(tenantId, 'VIEWER');
    expect((await fx.call('POST', url, viewer.token, body)).status).toBe(403);
    const outsider = await fx.member((await fx.tenant()).tenantId, 'ADMIN');
    expect((await fx.call('POST', url, outsider.token, body)).status).toBe(404);
    for (const bad of [
      {},
      { templateId: 'tpl-1' },
      { ...body, confirmReplacement: 'yes' },
      { ...body, x: 1 },
    ])
      expect([bad, (await fx.call('POST', url, fx.admin.token, bad)).status]).toEqual([bad, 400]);
    expect((await fx.call('POST', url, fx.admin.token, body, { 'if-match': '"3"' })).status).toBe(412);
    expect(await fx.sites.get(tenantId, empty.siteId)).toEqual(empty);

    const headers = { 'idempotency-key': `tpl-${Date.now()}` };
    const first = await fx.call('POST', url, fx.admin.token, body, headers);
    const again = await fx.call('POST', url, fx.admin.token, body, headers);
    expect(first.status).toBe(202);
    expect(again.body).toEqual(first.body);
    const busy = await fx.call('POST', url, fx.admin.token, body);
    expect(busy.status).toBe(409);
    expect(busy.body.error).toMatchObject({
      code: 'OPERATION_IN_PROGRESS',
      details: { operationId: first.body.operationId, operationType: 'TEMPLATE_APPLICATION' },
    });
  });
});
