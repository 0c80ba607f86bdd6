import type { TestUser } from '@bbws/testing-e2e';
import { OrgFixture, type TeamPathIds } from './org-fixture';
import { uniqueName } from './tenants-api.fixture';

describe('hierarchy: one group, and PUT as an alias of PATCH for divisions, groups and teams', () => {
  let fx: OrgFixture;
  let tenant: any;
  let tenantAdmin: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    fx = await OrgFixture.start();
    ({ tenant, tenantAdmin } = await fx.tenantWithAdmin());
    viewer = await fx.directoryUser();
    await fx.addMember(tenant.tenantId, viewer, 'VIEWER');
  });
  afterAll(() => fx.close());

  const divisionHref = (path: TeamPathIds) => `/v1.0/tenants/${tenant.tenantId}/divisions/${path.divisionId}`;
  const groupHref = (path: TeamPathIds) => `${divisionHref(path)}/groups/${path.groupId}`;

  describe('GET/PATCH/DELETE /v1.0/tenants/:tenantId/divisions/:divisionId/groups/:groupId', () => {
    it('reads a group with its ETag and the links the caller may follow', async () => {
      const path = await fx.createTeam(tenant.tenantId, tenantAdmin.token);
      const href = groupHref(path);
      const read = await fx.call('GET', href, viewer.token);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toMatchObject({
        groupId: path.groupId,
        divisionId: path.divisionId,
        name: 'Group',
        teamCount: 1,
        version: 1,
      });
      expect(read.body._links.self).toEqual({ href });
      expect(read.body._links.update).toBeUndefined();
      const asAdmin = await fx.expect(200, 'GET', href, tenantAdmin.token);
      expect(asAdmin._links.update).toEqual({ href, method: 'PATCH' });
      expect(
        (
          await fx.call(
            'GET',
            `${divisionHref(path)}/groups/grp-00000000-0000-4000-8000-000000000000`,
            viewer.token,
          )
        ).status,
      ).toBe(404);
    });

    it('renames and describes a group (ADMIN), 412 on a stale If-Match, 403 for a VIEWER', async () => {
      const path = await fx.createTeam(tenant.tenantId, tenantAdmin.token);
      const href = groupHref(path);
      const updated = await fx.api.request({
        method: 'PATCH',
        url: href,
        token: tenantAdmin.token,
        body: { name: 'Platform', description: 'Runs the platform' },
        headers: { 'if-match': '"1"' },
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ name: 'Platform', description: 'Runs the platform', version: 2 });
      expect(updated.headers.etag).toBe('"2"');
      expect(await fx.expect(200, 'GET', href, viewer.token)).toMatchObject({ name: 'Platform', version: 2 });
      const stale = await fx.api.request({
        method: 'PATCH',
        url: href,
        token: tenantAdmin.token,
        body: { name: 'Other' },
        headers: { 'if-match': '"1"' },
      });
      expect(stale.status).toBe(412);
      expect((await fx.call('PATCH', href, viewer.token, { name: 'Mine' })).status).toBe(403);
      expect((await fx.expect(200, 'GET', href, viewer.token)).name).toBe('Platform');
    });

    it('deletes an empty group (204), refuses one with teams (422 HAS_CHILDREN), and then answers 404', async () => {
      const path = await fx.createTeam(tenant.tenantId, tenantAdmin.token);
      const href = groupHref(path);
      const refused = await fx.call('DELETE', href, tenantAdmin.token);
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('HAS_CHILDREN');
      await fx.expect(204, 'DELETE', `${href}/teams/${path.teamId}`, tenantAdmin.token);
      expect((await fx.call('DELETE', href, viewer.token)).status).toBe(403);
      expect((await fx.call('DELETE', href, tenantAdmin.token)).status).toBe(204);
      expect((await fx.call('GET', href, tenantAdmin.token)).status).toBe(404);
      expect((await fx.expect(200, 'GET', divisionHref(path), tenantAdmin.token)).groupCount).toBe(0);
    });
  });

  describe('PUT (alias of PATCH)', () => {
    it.each([
      ['division', (path: TeamPathIds) => divisionHref(path)],
      ['group', (path: TeamPathIds) => groupHref(path)],
      ['team', (path: TeamPathIds) => `${groupHref(path)}/teams/${path.teamId}`],
    ])('updates a %s like PATCH, with If-Match and validation', async (_level, hrefOf) => {
      const path = await fx.createTeam(tenant.tenantId, tenantAdmin.token);
      const href = hrefOf(path);
      const name = uniqueName('Put');
      const updated = await fx.api.request({
        method: 'PUT',
        url: href,
        token: tenantAdmin.token,
        body: { name, description: 'via PUT' },
        headers: { 'if-match': '"1"' },
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ name, description: 'via PUT', version: 2 });
      expect(updated.headers.etag).toBe('"2"');
      expect(await fx.expect(200, 'GET', href, viewer.token)).toMatchObject({ name, version: 2 });
      const stale = await fx.api.request({
        method: 'PUT',
        url: href,
        token: tenantAdmin.token,
        body: { name: 'Stale' },
        headers: { 'if-match': '"1"' },
      });
      expect(stale.status).toBe(412);
      const invalid = await fx.call('PUT', href, tenantAdmin.token, { name: '', unknown: true });
      expect(invalid.status).toBe(400);
      expect((await fx.call('PUT', href, viewer.token, { name: 'Viewer' })).status).toBe(403);
      expect((await fx.expect(200, 'GET', href, viewer.token)).name).toBe(name);
    });

    it('is documented in the OpenAPI document', async () => {
      const document = await fx.expect(200, 'GET', '/docs-json', undefined);
      const paths = document.paths as Record<string, Record<string, { summary?: string }>>;
      const put = Object.entries(paths)
        .filter(([, operations]) => operations.put)
        .map(([route]) => route);
      expect(put).toEqual(
        expect.arrayContaining([
          '/v1.0/tenants/{tenantId}/divisions/{divisionId}',
          '/v1.0/tenants/{tenantId}/divisions/{divisionId}/groups/{groupId}',
          '/v1.0/tenants/{tenantId}/divisions/{divisionId}/groups/{groupId}/teams/{teamId}',
        ]),
      );
      for (const route of put.filter((candidate) => candidate.includes('/divisions/')))
        expect(paths[route].put.summary).toMatch(/alias of PATCH/i);
      // A nullable string, not an object (the bad-input fuzzer built its wrong types from the document).
      for (const dto of ['CreateHierarchyNodeRequestDto', 'UpdateHierarchyNodeRequestDto'])
        expect(document.components.schemas[dto].properties.description).toMatchObject({
          type: 'string',
          nullable: true,
          maxLength: 500,
        });
    });
  });
});
