import { newTestUser, type TestUser } from '@bbws/testing-e2e';
import { startTenantsApi, uniqueName, type TenantsApiFixture } from './tenants-api.fixture';

describe('GET /v1.0/tenants and /v1.0/tenants/:tenantId', () => {
  let fx: TenantsApiFixture;
  let member: TestUser;
  let mine: any[];
  let other: any;

  beforeAll(async () => {
    fx = await startTenantsApi();
    member = await newTestUser();
    mine = [await fx.createTenant(), await fx.createTenant(), await fx.createTenant()];
    other = await fx.createTenant();
    await fx.addMember(mine[0].tenantId, member, 'VIEWER');
    await fx.addMember(mine[1].tenantId, member, 'ADMIN');
    await fx.addMember(mine[2].tenantId, member, 'OPERATOR');
  });
  afterAll(() => fx.close());

  const get = (url: string, token = fx.admin.token) => fx.api.request({ method: 'GET', url, token });

  describe('one tenant', () => {
    it('is readable by a member of any role', async () => {
      for (const tenant of mine) {
        const response = await get(`/v1.0/tenants/${tenant.tenantId}`, member.token);
        expect(response.status).toBe(200);
        expect(response.body.tenantId).toBe(tenant.tenantId);
        expect(response.headers.etag).toBe(`"${tenant.version}"`);
      }
    });

    it('is a 404 for a member of another tenant, with no data in the body', async () => {
      const response = await get(`/v1.0/tenants/${other.tenantId}`, member.token);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('TENANT_NOT_FOUND');
      expect(JSON.stringify(response.body)).not.toContain(other.organizationName);
    });

    it('is a 404 for a well-formed id that does not exist, and a 400 for a malformed id', async () => {
      expect((await get('/v1.0/tenants/tenant-00000000-0000-4000-8000-000000000000')).status).toBe(404);
      const malformed = await get('/v1.0/tenants/not-a-tenant-id');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.details.fields[0].field).toBe('tenantId');
    });

    it('shows each role only the links it may follow', async () => {
      const asViewer = (await get(`/v1.0/tenants/${mine[0].tenantId}`, member.token)).body._links;
      expect(Object.keys(asViewer).sort()).toEqual(['collection', 'divisions', 'hierarchy', 'self']);
      const asAdmin = (await get(`/v1.0/tenants/${mine[1].tenantId}`, member.token)).body._links;
      expect(asAdmin.update).toEqual({ href: `/v1.0/tenants/${mine[1].tenantId}`, method: 'PATCH' });
      expect(asAdmin.audit).toBeDefined();
      expect(asAdmin.delete).toBeUndefined();
      expect(asAdmin.changeStatus).toBeUndefined();
      const asStaff = (await get(`/v1.0/tenants/${mine[1].tenantId}`)).body._links;
      expect(asStaff.delete).toEqual({ href: `/v1.0/tenants/${mine[1].tenantId}`, method: 'DELETE' });
      expect(asStaff.changeStatus.method).toBe('PATCH');
    });
  });

  describe('the list', () => {
    it('shows a member exactly the tenants they belong to', async () => {
      const response = await get('/v1.0/tenants', member.token);
      expect(response.status).toBe(200);
      expect(response.body.items.map((t: any) => t.tenantId).sort()).toEqual(
        mine.map((t) => t.tenantId).sort(),
      );
      expect(response.body).toMatchObject({ count: 3, moreAvailable: false, nextStartAt: null });
      expect(response.body._links.self.href).toBe('/v1.0/tenants?pageSize=20');
    });

    it('shows a user with no memberships an empty list', async () => {
      const stranger = await newTestUser();
      const response = await get('/v1.0/tenants', stranger.token);
      expect(response.body).toMatchObject({ items: [], count: 0, moreAvailable: false });
    });

    it('pages a member through their tenants with opaque cursors', async () => {
      const first = await get('/v1.0/tenants?pageSize=2', member.token);
      expect(first.body.count).toBe(2);
      expect(first.body.moreAvailable).toBe(true);
      expect(first.body._links.next.href).toContain('startAt=');
      const second = await get(first.body._links.next.href, member.token);
      expect(second.body.count).toBe(1);
      const seen = [...first.body.items, ...second.body.items].map((t: any) => t.tenantId).sort();
      expect(seen).toEqual(mine.map((t) => t.tenantId).sort());
    });

    it('gives platform admins every tenant, newest first, page by page', async () => {
      const first = await get('/v1.0/tenants?pageSize=2');
      expect(first.body.count).toBe(2);
      expect(first.body.moreAvailable).toBe(true);
      const created = first.body.items.map((t: any) => t.createdAt);
      expect([...created].sort().reverse()).toEqual(created);
      const second = await get(first.body._links.next.href);
      expect(second.body.items[0].tenantId).not.toBe(first.body.items[1].tenantId);
    });

    it('filters by name prefix, case- and whitespace-insensitively', async () => {
      const stem = uniqueName('Prefix  Search');
      const a = await fx.createTenant({ organizationName: `${stem} Alpha` });
      const b = await fx.createTenant({ organizationName: `${stem} Beta` });
      const query = encodeURIComponent(`  ${stem.toLowerCase()} `);
      const response = await get(`/v1.0/tenants?name=${query}`);
      expect(response.body.items.map((t: any) => t.tenantId)).toEqual([a.tenantId, b.tenantId]);
      const narrower = await get(`/v1.0/tenants?name=${encodeURIComponent(`${stem} b`)}`);
      expect(narrower.body.items.map((t: any) => t.tenantId)).toEqual([b.tenantId]);
    });

    it('filters by status, for admins and for members', async () => {
      const failed = await fx.createTenant();
      await fx.api.request({
        method: 'PATCH',
        url: `/v1.0/tenants/${failed.tenantId}/status`,
        token: fx.admin.token,
        body: { status: 'FAILED' },
      });
      const response = await get('/v1.0/tenants?status=failed&pageSize=100');
      expect(response.body.items.map((t: any) => t.tenantId)).toContain(failed.tenantId);
      expect(response.body.items.every((t: any) => t.status === 'FAILED')).toBe(true);
      const memberView = await get('/v1.0/tenants?status=ACTIVE', member.token);
      expect(memberView.body.items).toEqual([]);
      const combined = await get(
        `/v1.0/tenants?status=FAILED&name=${encodeURIComponent(failed.organizationName)}`,
      );
      expect(combined.body.items.map((t: any) => t.tenantId)).toEqual([failed.tenantId]);
    });

    it.each([
      ['pageSize=0', 'pageSize'],
      ['pageSize=101', 'pageSize'],
      ['pageSize=abc', 'pageSize'],
      ['status=UNKNOWN', 'status'],
      ['unknown=1', 'unknown'],
    ])('rejects ?%s with 400', async (query, field) => {
      const response = await get(`/v1.0/tenants?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields[0].field).toBe(field);
    });

    it('rejects a forged or foreign cursor with 400', async () => {
      const first = await get('/v1.0/tenants?pageSize=1');
      const cursor: string = first.body.nextStartAt;
      const [payload, signature] = cursor.split('.');
      const forged = `${payload.slice(0, -2)}AA.${signature}`;
      expect((await get(`/v1.0/tenants?pageSize=1&startAt=${forged}`)).status).toBe(400);
      const memberCursor = (await get('/v1.0/tenants?pageSize=1', member.token)).body.nextStartAt;
      expect((await get(`/v1.0/tenants?pageSize=1&startAt=${memberCursor}`)).status).toBe(400);
    });
  });

  it('rejects a cursor of another list in the same tenant partition (members cursor on the audit list)', async () => {
    const members = await get(`/v1.0/tenants/${mine[1].tenantId}/members?pageSize=1`);
    expect(members.body.nextStartAt).toEqual(expect.any(String));
    const replay = await get(
      `/v1.0/tenants/${mine[1].tenantId}/audit?pageSize=1&startAt=${members.body.nextStartAt}`,
    );
    expect(replay.status).toBe(400);
    expect(replay.body.error.details.fields[0].field).toBe('startAt');
  });

  it('needs a valid token', async () => {
    expect((await fx.api.request({ method: 'GET', url: '/v1.0/tenants' })).status).toBe(401);
    const garbage = await fx.api.request({
      method: 'GET',
      url: '/v1.0/tenants',
      headers: { authorization: 'Bearer abc.def.ghi' },
    });
    expect(garbage.status).toBe(401);
    expect(garbage.body.error.code).toBe('UNAUTHORIZED');
  });
});
