import { instanceKeys } from '@bbws/data-access-instances';
import { newTestUser, type TestUser } from '@bbws/testing-e2e';
import { TableProbe, testDynamoContext } from '@bbws/testing-factories';
import { startTenantsApi, uniqueName, type TenantsApiFixture } from './tenants-api.fixture';

describe('PATCH, PUT and DELETE /v1.0/tenants/:tenantId', () => {
  let fx: TenantsApiFixture;
  let tenantAdmin: TestUser;
  let operator: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    fx = await startTenantsApi();
    [tenantAdmin, operator, viewer, outsider] = await Promise.all([
      newTestUser(),
      newTestUser(),
      newTestUser(),
      newTestUser(),
    ]);
  });
  afterAll(() => fx.close());

  async function tenantWithMembers() {
    const tenant = await fx.createTenant();
    await fx.addMember(tenant.tenantId, tenantAdmin, 'ADMIN');
    await fx.addMember(tenant.tenantId, operator, 'OPERATOR');
    await fx.addMember(tenant.tenantId, viewer, 'VIEWER');
    return tenant;
  }

  const patch = (tenantId: string, body: unknown, token: string, headers: Record<string, string> = {}) =>
    fx.api.request({ method: 'PATCH', url: `/v1.0/tenants/${tenantId}`, token, body, headers });

  it('lets a tenant ADMIN update name, contact and metadata, bumping version and ETag', async () => {
    const tenant = await tenantWithMembers();
    const name = uniqueName('Renamed');
    const response = await patch(
      tenant.tenantId,
      { organizationName: name, contactEmail: 'new@x.example', metadata: { a: 1 } },
      tenantAdmin.token,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      organizationName: name,
      contactEmail: 'new@x.example',
      metadata: { a: 1 },
      version: 2,
      updatedBy: tenantAdmin.userId,
    });
    expect(response.headers.etag).toBe('"2"');
    const audit = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${tenant.tenantId}/audit`,
      token: tenantAdmin.token,
    });
    expect(audit.body.items[0]).toMatchObject({
      action: 'TENANT_UPDATED',
      actor: tenantAdmin.userId,
      details: { fields: ['organizationName', 'contactEmail', 'metadata'] },
    });
  });

  it('accepts PUT as an alias of PATCH', async () => {
    const tenant = await tenantWithMembers();
    const response = await fx.api.request({
      method: 'PUT',
      url: `/v1.0/tenants/${tenant.tenantId}`,
      token: tenantAdmin.token,
      body: { contactEmail: 'put@x.example' },
    });
    expect(response.status).toBe(200);
    expect(response.body.contactEmail).toBe('put@x.example');
  });

  it('refuses OPERATOR and VIEWER (403) and hides the tenant from outsiders (404)', async () => {
    const tenant = await tenantWithMembers();
    expect((await patch(tenant.tenantId, { contactEmail: 'x@x.example' }, operator.token)).status).toBe(403);
    expect((await patch(tenant.tenantId, { contactEmail: 'x@x.example' }, viewer.token)).status).toBe(403);
    expect((await patch(tenant.tenantId, { contactEmail: 'x@x.example' }, outsider.token)).status).toBe(404);
    const unchanged = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${tenant.tenantId}`,
      token: fx.admin.token,
    });
    expect(unchanged.body.version).toBe(1);
  });

  it('keeps tier changes for platform admins', async () => {
    const tenant = await tenantWithMembers();
    expect((await patch(tenant.tenantId, { tier: 'ENTERPRISE' }, tenantAdmin.token)).status).toBe(403);
    const staff = await patch(tenant.tenantId, { tier: 'professional' }, fx.admin.token);
    expect(staff.status).toBe(200);
    expect(staff.body.tier).toBe('PROFESSIONAL');
  });

  it('re-checks name uniqueness on rename and frees the old name', async () => {
    const a = await fx.createTenant();
    const b = await fx.createTenant();
    const clash = await patch(
      b.tenantId,
      { organizationName: a.organizationName.toLowerCase() },
      fx.admin.token,
    );
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('ORGANIZATION_NAME_TAKEN');
    const oldName = a.organizationName;
    expect((await patch(a.tenantId, { organizationName: uniqueName('Moved') }, fx.admin.token)).status).toBe(
      200,
    );
    expect((await patch(b.tenantId, { organizationName: oldName }, fx.admin.token)).status).toBe(200);
  });

  it('allows a change of case in its own name', async () => {
    const tenant = await fx.createTenant();
    const response = await patch(
      tenant.tenantId,
      { organizationName: tenant.organizationName.toUpperCase() },
      fx.admin.token,
    );
    expect(response.status).toBe(200);
    expect(response.body.organizationName).toBe(tenant.organizationName.toUpperCase());
  });

  it('answers 412 for a stale If-Match and 400 for a malformed one, changing nothing', async () => {
    const tenant = await fx.createTenant();
    expect(
      (await patch(tenant.tenantId, { contactEmail: 'one@x.example' }, fx.admin.token, { 'if-match': '"1"' }))
        .status,
    ).toBe(200);
    const stale = await patch(tenant.tenantId, { contactEmail: 'two@x.example' }, fx.admin.token, {
      'if-match': '"1"',
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { expectedVersion: 1, currentVersion: 2 },
    });
    expect(
      (
        await patch(tenant.tenantId, { contactEmail: 'two@x.example' }, fx.admin.token, {
          'if-match': 'version-two',
        })
      ).status,
    ).toBe(400);
    const current = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${tenant.tenantId}`,
      token: fx.admin.token,
    });
    expect(current.body).toMatchObject({ contactEmail: 'one@x.example', version: 2 });
  });

  it('treats a PATCH that changes nothing as a no-op (no new version, no audit event)', async () => {
    const tenant = await fx.createTenant();
    const response = await patch(tenant.tenantId, { contactEmail: tenant.contactEmail }, fx.admin.token);
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(1);
    const audit = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${tenant.tenantId}/audit`,
      token: fx.admin.token,
    });
    expect(audit.body.items.map((event: any) => event.action)).toEqual(['TENANT_CREATED']);
  });

  it('validates the body like creation does', async () => {
    const tenant = await fx.createTenant();
    for (const body of [
      { organizationName: 'x' },
      { contactEmail: 'nope' },
      { tier: 'GOLD' },
      { status: 'ACTIVE' },
      { metadata: [] },
    ]) {
      const response = await patch(tenant.tenantId, body, fx.admin.token);
      expect(response.status).toBe(400);
    }
  });

  describe('DELETE', () => {
    it('deprovisions a tenant without instances (platform admin only) and then refuses changes', async () => {
      const tenant = await tenantWithMembers();
      expect(
        (
          await fx.api.request({
            method: 'DELETE',
            url: `/v1.0/tenants/${tenant.tenantId}`,
            token: tenantAdmin.token,
          })
        ).status,
      ).toBe(403);
      const deleted = await fx.api.request({
        method: 'DELETE',
        url: `/v1.0/tenants/${tenant.tenantId}`,
        token: fx.admin.token,
      });
      expect(deleted.status).toBe(200);
      expect(deleted.body.status).toBe('DEPROVISIONED');
      expect(deleted.body._links.update).toBeUndefined();
      expect(deleted.body._links.delete).toBeUndefined();
      const again = await fx.api.request({
        method: 'DELETE',
        url: `/v1.0/tenants/${tenant.tenantId}`,
        token: fx.admin.token,
      });
      expect(again.status).toBe(422);
      expect(again.body.error.code).toBe('INVALID_STATUS_TRANSITION');
      const edit = await patch(tenant.tenantId, { contactEmail: 'late@x.example' }, tenantAdmin.token);
      expect(edit.status).toBe(422);
      expect(edit.body.error.code).toBe('TENANT_DEPROVISIONED');
    });

    it('needs force while the tenant has an instance, then answers 202 with a TENANT_DEPROVISION operation', async () => {
      const tenant = await fx.createTenant();
      await new TableProbe(testDynamoContext()).putAll('instances', [
        { ...instanceKeys.instance(tenant.tenantId, 'DEV'), entityType: 'INSTANCE', status: 'ACTIVE' },
      ]);
      const refused = await fx.api.request({
        method: 'DELETE',
        url: `/v1.0/tenants/${tenant.tenantId}`,
        token: fx.admin.token,
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('TENANT_HAS_RESOURCES');
      const forced = await fx.api.request({
        method: 'DELETE',
        url: `/v1.0/tenants/${tenant.tenantId}?force=true`,
        token: fx.admin.token,
      });
      expect(forced.status).toBe(202);
      expect(forced.body).toMatchObject({
        type: 'TENANT_DEPROVISION',
        status: 'PENDING',
        resourceId: tenant.tenantId,
      });
      expect(forced.headers.location).toBe(`/v1.0/operations/${forced.body.operationId}`);
      const again = await fx.api.request({
        method: 'DELETE',
        url: `/v1.0/tenants/${tenant.tenantId}?force=true`,
        token: fx.admin.token,
      });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({
        code: 'OPERATION_IN_PROGRESS',
        details: { operationId: forced.body.operationId },
      });
      const current = await fx.api.request({
        method: 'GET',
        url: `/v1.0/tenants/${tenant.tenantId}`,
        token: fx.admin.token,
      });
      expect(current.body.status).toBe('PENDING');
      expect(current.body._links.operation.href).toBe(`/v1.0/operations/${forced.body.operationId}`);
    });
  });
});
