import { uniqueSubdomain } from '@bbws/testing-sites';
import { SitesFixture } from './sites-api.fixture';

describe('POST /v1.0/tenants/:tenantId/sites/:siteId/retry', () => {
  let fx: SitesFixture;
  beforeAll(async () => {
    fx = await SitesFixture.start();
  });
  afterAll(() => fx?.close());

  /** What a site worker does when an operation fails for good: the operation FAILED, the site FAILED naming it. */
  async function failOperation(tenantId: string, siteId: string, operationId: string) {
    const operation = (await fx.operations.get(operationId))!;
    const site = (await fx.sites.get(tenantId, siteId))!;
    const error = { code: 'PLUGIN_INSTALL_FAILED', message: 'The package is gone', retryable: false };
    const failed = await fx.operations.fail(
      operation,
      null,
      { error },
      fx.sites.changeWrites(site, {
        expectedVersion: site.version,
        expectedStatuses: [site.status],
        changes: {
          status: 'FAILED',
          lastError: { code: error.code, message: error.message, at: site.updatedAt, operationId },
        },
      }),
    );
    expect(failed).toBe(true);
    return (await fx.sites.get(tenantId, siteId))!;
  }

  /** A site whose creation (through the API, so with its real message) failed. */
  async function failedCreation(environment?: 'PROD') {
    const { tenantId, instance, collection } = await fx.tenantWithInstance(
      environment ? { environment } : {},
    );
    const created = await fx.call('POST', collection, fx.admin.token, {
      siteName: 'Shop',
      subdomain: uniqueSubdomain(),
      ...(environment ? { environment: 'prod' } : {}),
    });
    expect(created.status).toBe(202);
    const { operationId, resourceId: siteId } = created.body;
    const [message] = await fx.messagesFor('site-creation', operationId);
    const site = await failOperation(tenantId, siteId, operationId);
    const url = `${collection}/${siteId}`;
    return { tenantId, instance, collection, site, url, retry: `${url}/retry`, operationId, message };
  }

  it('re-runs the failed creation on the same site: a new operation, the same message, PROVISIONING', async () => {
    const { tenantId, site, url, retry, operationId, message } = await failedCreation();
    const operator = await fx.member(tenantId, 'OPERATOR');
    expect((await fx.call('GET', url, operator.token)).body._links.retry).toEqual({
      href: retry,
      method: 'POST',
    });

    const response = await fx.call('POST', retry, operator.token, undefined, {
      'x-request-id': 'req-retry-1',
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({
      type: 'SITE_CREATION',
      resourceType: 'site',
      resourceId: site.siteId,
    });
    const retried = response.body.operationId;
    expect(retried).not.toBe(operationId);
    expect(response.headers.location).toBe(`/v1.0/operations/${retried}`);
    const [queued] = await fx.messagesFor('site-creation', retried);
    expect(queued).toMatchObject({
      messageType: 'SITE_CREATION',
      resourceId: site.siteId,
      correlationId: 'req-retry-1',
    });
    expect(queued.payload).toEqual(message.payload);
    const stored = await fx.sites.get(tenantId, site.siteId);
    expect(stored).toMatchObject({
      status: 'PROVISIONING',
      lastError: site.lastError,
      version: site.version + 1,
    });

    const busy = await fx.call('POST', retry, operator.token);
    expect(busy.status).toBe(409);
    expect(busy.body.error).toMatchObject({
      code: 'OPERATION_IN_PROGRESS',
      details: { operationId: retried },
    });
    const page = await fx.call('GET', url, operator.token);
    expect(page.body._links).not.toHaveProperty('retry');
  });

  it('is for ADMIN and OPERATOR (PROD: ADMIN), members only, FAILED sites only', async () => {
    const { tenantId, site, url, retry } = await failedCreation();
    const viewer = await fx.member(tenantId, 'VIEWER');
    expect((await fx.call('POST', retry, viewer.token)).status).toBe(403);
    expect((await fx.call('GET', url, viewer.token)).body._links).not.toHaveProperty('retry');
    const outsider = await fx.member((await fx.tenant()).tenantId, 'ADMIN');
    expect((await fx.call('POST', retry, outsider.token)).status).toBe(404);
    expect((await fx.call('POST', retry.replace(site.siteId, 'site-nope'), fx.admin.token)).status).toBe(400);
    expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);

    const prod = await failedCreation('PROD');
    const prodOperator = await fx.member(prod.tenantId, 'OPERATOR');
    const refused = await fx.call('POST', prod.retry, prodOperator.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ details: { requiredRoles: ['ADMIN'] } });
    expect((await fx.call('GET', prod.url, prodOperator.token)).body._links).not.toHaveProperty('retry');
    expect(await fx.sites.get(prod.tenantId, prod.site.siteId)).toEqual(prod.site);
    const prodAdmin = await fx.member(prod.tenantId, 'ADMIN');
    expect((await fx.call('POST', prod.retry, prodAdmin.token)).status).toBe(202);

    const { instance } = await fx.tenantWithInstance();
    const active = await fx.storedSite(instance.tenantId, instance);
    const activeUrl = `/v1.0/tenants/${instance.tenantId}/sites/${active.siteId}`;
    const notFailed = await fx.call('POST', `${activeUrl}/retry`, fx.admin.token);
    expect(notFailed.status).toBe(422);
    expect(notFailed.body.error).toMatchObject({
      code: 'INVALID_SITE_STATE',
      details: { status: 'ACTIVE', action: 'RETRY', allowedStatuses: ['FAILED'] },
    });
    expect((await fx.call('GET', activeUrl)).body._links).not.toHaveProperty('retry');
  });

  it('refuses other failures with RETRY_NOT_AVAILABLE saying what to do instead', async () => {
    const { tenantId, instance, collection } = await fx.tenantWithInstance();
    const site = await fx.storedSite(tenantId, instance);
    const url = `${collection}/${site.siteId}`;
    const deletion = await fx.call('DELETE', url);
    expect(deletion.status).toBe(202);
    const failed = await failOperation(tenantId, site.siteId, deletion.body.operationId);
    expect((await fx.call('GET', url)).body._links).not.toHaveProperty('retry');
    expect((await fx.call('GET', url)).body._links).toHaveProperty('delete');

    const refused = await fx.call('POST', `${url}/retry`);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'RETRY_NOT_AVAILABLE',
      message: expect.stringContaining('DELETE again'),
      details: { failedOperationId: deletion.body.operationId, failedOperationType: 'SITE_DELETION' },
    });
    const unknown = await fx.storedSite(tenantId, instance, { status: 'FAILED', lastError: null });
    const none = await fx.call('POST', `${collection}/${unknown.siteId}/retry`);
    expect(none.status).toBe(422);
    expect(none.body.error).toMatchObject({ code: 'RETRY_NOT_AVAILABLE' });
    expect(await fx.sites.get(tenantId, site.siteId)).toEqual(failed);
    expect(await fx.operations.activeOperationId(site.siteId)).toBeNull();
  });

  it('honours If-Match and replays an Idempotency-Key', async () => {
    const { tenantId, site, retry } = await failedCreation();
    const stale = await fx.call('POST', retry, fx.admin.token, undefined, {
      'if-match': `"${site.version - 1}"`,
    });
    expect(stale.status).toBe(412);
    expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);

    const headers = { 'idempotency-key': `retry-${Date.now()}`, 'if-match': `"${site.version}"` };
    const first = await fx.call('POST', retry, fx.admin.token, undefined, headers);
    const again = await fx.call('POST', retry, fx.admin.token, undefined, headers);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    const listed = await fx.operations.listByResource(tenantId, site.siteId, {}, { pageSize: 10 });
    expect(listed.items).toHaveLength(2);
  });

  it('re-runs a failed clone while its source is ACTIVE, with the clone message as it was', async () => {
    const { tenantId, instance, collection } = await fx.tenantWithInstance();
    const source = await fx.storedSite(tenantId, instance);
    const cloned = await fx.call('POST', `${collection}/${source.siteId}/clone`, fx.admin.token, {
      siteName: 'Copy',
      subdomain: uniqueSubdomain(),
    });
    expect(cloned.status).toBe(202);
    const { operationId, resourceId: copyId } = cloned.body;
    const [message] = await fx.messagesFor('site-creation', operationId);
    const copy = await failOperation(tenantId, copyId, operationId);
    const retry = `${collection}/${copyId}/retry`;

    await fx.sites.change(source, {
      expectedVersion: source.version,
      expectedStatuses: ['ACTIVE'],
      changes: { status: 'SUSPENDED' },
    });
    const refused = await fx.call('POST', retry);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'SOURCE_NOT_ACTIVE',
      details: { sourceSiteId: source.siteId, sourceStatus: 'SUSPENDED' },
    });
    expect(await fx.sites.get(tenantId, copyId)).toEqual(copy);

    const suspended = (await fx.sites.get(tenantId, source.siteId))!;
    await fx.sites.change(suspended, {
      expectedVersion: suspended.version,
      expectedStatuses: ['SUSPENDED'],
      changes: { status: 'ACTIVE' },
    });
    const response = await fx.call('POST', retry);
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ type: 'SITE_CLONE', resourceId: copyId });
    const [queued] = await fx.messagesFor('site-creation', response.body.operationId);
    expect(queued).toMatchObject({ messageType: 'SITE_CLONE', payload: message.payload });
    expect(await fx.sites.get(tenantId, copyId)).toMatchObject({ status: 'PROVISIONING' });
  });
});
