import { hierarchyKeys, type NodePath } from '@bbws/data-access-tenants';
import { newTestUser, type TestUser } from '@bbws/testing-e2e';
import { TableProbe, testDynamoContext } from '@bbws/testing-factories';
import { OrgFixture } from './org-fixture';

/** Sets a parent's child counter directly (creating 99 children through the API would take seconds). */
async function setChildCount(tenantId: string, path: NodePath, count: number): Promise<void> {
  await new TableProbe(testDynamoContext()).set('tenants', hierarchyKeys.node(tenantId, path), {
    childCount: count,
  });
}

describe('hierarchy: /v1.0/tenants/:tenantId/divisions, groups, teams and /hierarchy', () => {
  let fx: OrgFixture;
  let tenant: any;
  let tenantAdmin: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    fx = await OrgFixture.start();
    ({ tenant, tenantAdmin } = await fx.tenantWithAdmin());
    viewer = await fx.directoryUser();
    await fx.addMember(tenant.tenantId, viewer, 'VIEWER');
    const other = await fx.tenantWithAdmin();
    outsider = other.tenantAdmin;
  });
  afterAll(() => fx.close());

  const base = () => `/v1.0/tenants/${tenant.tenantId}`;
  const divisionName = () => `Division ${Math.random().toString(36).slice(2, 8)}`;

  describe('creating', () => {
    it('creates a division, a group in it and a team in that, each with Location, ETag and role-aware links', async () => {
      const division = await fx.call('POST', `${base()}/divisions`, tenantAdmin.token, {
        name: '  Sales  ',
        description: 'Field sales',
      });
      expect(division.status).toBe(201);
      expect(division.body).toMatchObject({
        name: 'Sales',
        description: 'Field sales',
        groupCount: 0,
        version: 1,
        createdBy: tenantAdmin.userId,
      });
      expect(division.body.divisionId).toMatch(/^div-[0-9a-f-]{36}$/);
      const divisionHref = `${base()}/divisions/${division.body.divisionId}`;
      expect(division.headers.location).toBe(divisionHref);
      expect(division.headers.etag).toBe('"1"');
      expect(division.body._links).toMatchObject({
        self: { href: divisionHref },
        update: { href: divisionHref, method: 'PATCH' },
        delete: { href: divisionHref, method: 'DELETE' },
        groups: { href: `${divisionHref}/groups` },
        createGroup: { href: `${divisionHref}/groups`, method: 'POST' },
        parent: { href: base() },
      });

      const group = await fx.call('POST', `${divisionHref}/groups`, tenantAdmin.token, { name: 'EMEA' });
      expect(group.status).toBe(201);
      expect(group.body).toMatchObject({
        divisionId: division.body.divisionId,
        name: 'EMEA',
        teamCount: 0,
        description: null,
      });
      const team = await fx.call(
        'POST',
        `${divisionHref}/groups/${group.body.groupId}/teams`,
        tenantAdmin.token,
        { name: 'Berlin' },
      );
      expect(team.status).toBe(201);
      expect(team.body).toMatchObject({
        divisionId: division.body.divisionId,
        groupId: group.body.groupId,
        name: 'Berlin',
        memberCount: 0,
      });
      expect(team.body._links.members.href).toBe(
        `${divisionHref}/groups/${group.body.groupId}/teams/${team.body.teamId}/members`,
      );
      expect(team.body._links.createTeam).toBeUndefined();

      const read = await fx.call('GET', divisionHref, viewer.token);
      expect(read.body).toMatchObject({ groupCount: 1 });
      expect(read.body._links.update).toBeUndefined();
      expect(read.body._links.delete).toBeUndefined();
      expect(read.body._links.deleteWithChildren).toBeUndefined();
    });

    it('keeps sibling names unique regardless of case and spacing, but not across parents', async () => {
      const name = divisionName();
      const first = await fx.expect(201, 'POST', `${base()}/divisions`, tenantAdmin.token, { name });
      const clash = await fx.call('POST', `${base()}/divisions`, tenantAdmin.token, {
        name: `  ${name.toUpperCase().replace(' ', '   ')} `,
      });
      expect(clash.status).toBe(409);
      expect(clash.body.error.code).toBe('DIVISION_NAME_TAKEN');
      const groups = `${base()}/divisions/${first.divisionId}/groups`;
      expect((await fx.call('POST', groups, tenantAdmin.token, { name })).status).toBe(201);
      expect(
        (await fx.call('POST', groups, tenantAdmin.token, { name: name.toLowerCase() })).body.error.code,
      ).toBe('GROUP_NAME_TAKEN');
      const elsewhere = await fx.expect(201, 'POST', `${base()}/divisions`, tenantAdmin.token, {
        name: divisionName(),
      });
      expect(
        (
          await fx.call('POST', `${base()}/divisions/${elsewhere.divisionId}/groups`, tenantAdmin.token, {
            name,
          })
        ).status,
      ).toBe(201);
    });

    it('allows at most 100 teams in a group (422 CHILD_LIMIT_REACHED)', async () => {
      const group = await fx.createGroup(tenant.tenantId, tenantAdmin.token, {
        division: divisionName(),
        group: 'Big',
      });
      const teams = group.teamsHref;
      await setChildCount(
        tenant.tenantId,
        { level: 'GROUP', divisionId: group.divisionId, groupId: group.groupId },
        99,
      );
      const statuses = await Promise.all(
        ['Last place', 'Too late'].map(
          async (name) => (await fx.call('POST', teams, tenantAdmin.token, { name })).status,
        ),
      );
      expect(statuses.sort()).toEqual([201, 422]);
      const over = await fx.call('POST', teams, tenantAdmin.token, { name: 'One too many' });
      expect(over.status).toBe(422);
      expect(over.body.error).toMatchObject({ code: 'CHILD_LIMIT_REACHED', details: { limit: 100 } });
      expect((await fx.call('GET', teams, viewer.token)).body.count).toBe(1);
    });

    it('refuses a cascade too big for one transaction (422 CASCADE_TOO_LARGE) and leaves everything in place', async () => {
      const group = await fx.createGroup(tenant.tenantId, tenantAdmin.token, {
        division: divisionName(),
        group: 'Wide',
      });
      const teams = group.teamsHref;
      for (let i = 0; i < 34; i += 1)
        await fx.expect(201, 'POST', teams, tenantAdmin.token, { name: `Team ${i}` });
      const cascade = await fx.call(
        'DELETE',
        `${base()}/divisions/${group.divisionId}?cascade=true`,
        tenantAdmin.token,
      );
      expect(cascade.status).toBe(422);
      expect(cascade.body.error).toMatchObject({ code: 'CASCADE_TOO_LARGE', details: { limit: 100 } });
      expect((await fx.call('GET', `${teams}?pageSize=100`, tenantAdmin.token)).body.count).toBe(34);
    });

    it('answers 404 for a parent that does not exist, and 400 for malformed ids', async () => {
      const missing = await fx.call(
        'POST',
        `${base()}/divisions/div-00000000-0000-4000-8000-000000000000/groups`,
        tenantAdmin.token,
        { name: 'x' },
      );
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('DIVISION_NOT_FOUND');
      const malformed = await fx.call('GET', `${base()}/divisions/not-a-division`, tenantAdmin.token);
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.details.fields[0].field).toBe('divisionId');
      const wrongPrefix = await fx.call(
        'GET',
        `${base()}/divisions/grp-00000000-0000-4000-8000-000000000000`,
        tenantAdmin.token,
      );
      expect(wrongPrefix.status).toBe(400);
    });

    it.each([
      ['a missing name', {}, 'name'],
      ['an empty name', { name: '   ' }, 'name'],
      ['a 101-character name', { name: 'x'.repeat(101) }, 'name'],
      ['a name with a control character', { name: 'Bad\u0007Name' }, 'name'],
      ['a description over 500 characters', { name: 'Fine', description: 'd'.repeat(501) }, 'description'],
      ['an unknown field', { name: 'Fine', parentId: 'x' }, 'parentId'],
    ])('rejects %s with 400', async (_case, body, field) => {
      const response = await fx.call('POST', `${base()}/divisions`, tenantAdmin.token, body);
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
    });

    it('replays a create with the same Idempotency-Key', async () => {
      const headers = { 'idempotency-key': `div-${Date.now()}-${Math.random()}` };
      const body = { name: divisionName() };
      const first = await fx.api.request({
        method: 'POST',
        url: `${base()}/divisions`,
        token: tenantAdmin.token,
        body,
        headers,
      });
      const second = await fx.api.request({
        method: 'POST',
        url: `${base()}/divisions`,
        token: tenantAdmin.token,
        body,
        headers,
      });
      expect(second.status).toBe(201);
      expect(second.body.divisionId).toBe(first.body.divisionId);
      expect(second.headers['idempotent-replayed']).toBe('true');
    });
  });

  describe('reading', () => {
    it('returns the whole tree with member counts per team, sorted by name', async () => {
      const fresh = await fx.tenantWithAdmin();
      const t = fresh.tenant.tenantId;
      const token = fresh.tenantAdmin.token;
      const team = await fx.createTeam(t, token, { division: 'Zeta', group: 'Ops', team: 'Night shift' });
      await fx.expect(
        201,
        'POST',
        `/v1.0/tenants/${t}/divisions/${team.divisionId}/groups/${team.groupId}/teams`,
        token,
        { name: 'Day shift' },
      );
      await fx.expect(201, 'POST', `/v1.0/tenants/${t}/divisions`, token, { name: 'alpha' });
      const member = await fx.directoryUser();
      await fx.addMember(t, member, 'OPERATOR', [team.teamId], token);

      const tree = await fx.call('GET', `/v1.0/tenants/${t}/hierarchy`, member.token);
      expect(tree.status).toBe(200);
      expect(tree.body.tenantId).toBe(t);
      expect(tree.body.divisions.map((d: any) => d.name)).toEqual(['alpha', 'Zeta']);
      const zeta = tree.body.divisions[1];
      expect(zeta).toMatchObject({
        groupCount: 1,
        _links: { self: { href: `/v1.0/tenants/${t}/divisions/${team.divisionId}` } },
      });
      expect(zeta.groups[0].teams.map((x: any) => [x.name, x.memberCount])).toEqual([
        ['Day shift', 0],
        ['Night shift', 1],
      ]);
      expect(tree.body._links.createDivision).toBeUndefined();
      const asAdmin = await fx.call('GET', `/v1.0/tenants/${t}/hierarchy`, token);
      expect(asAdmin.body._links.createDivision).toEqual({
        href: `/v1.0/tenants/${t}/divisions`,
        method: 'POST',
      });
    });

    it('lists the children of one parent by name, page by page', async () => {
      const division = await fx.expect(201, 'POST', `${base()}/divisions`, tenantAdmin.token, {
        name: divisionName(),
      });
      const groups = `${base()}/divisions/${division.divisionId}/groups`;
      for (const name of ['charlie', 'Alpha', 'bravo'])
        await fx.expect(201, 'POST', groups, tenantAdmin.token, { name });
      const first = await fx.call('GET', `${groups}?pageSize=2`, viewer.token);
      expect(first.body.items.map((g: any) => g.name)).toEqual(['Alpha', 'bravo']);
      expect(first.body.moreAvailable).toBe(true);
      const second = await fx.call('GET', first.body._links.next.href, viewer.token);
      expect(second.body.items.map((g: any) => g.name)).toEqual(['charlie']);
      const foreign = await fx.call(
        'GET',
        `${base()}/divisions?startAt=${first.body.nextStartAt}`,
        viewer.token,
      );
      expect(foreign.status).toBe(400);
    });
  });

  describe('changing', () => {
    it('renames with If-Match, answers 412 on a stale version and 409 on a taken name, and clears a description', async () => {
      const taken = divisionName();
      await fx.expect(201, 'POST', `${base()}/divisions`, tenantAdmin.token, { name: taken });
      const division = await fx.expect(201, 'POST', `${base()}/divisions`, tenantAdmin.token, {
        name: divisionName(),
        description: 'old',
      });
      const href = `${base()}/divisions/${division.divisionId}`;
      const renamed = await fx.api.request({
        method: 'PATCH',
        url: href,
        token: tenantAdmin.token,
        body: { name: 'Renamed ' + taken, description: null },
        headers: { 'if-match': '"1"' },
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: `Renamed ${taken}`, description: null, version: 2 });
      expect(renamed.headers.etag).toBe('"2"');
      const stale = await fx.api.request({
        method: 'PATCH',
        url: href,
        token: tenantAdmin.token,
        body: { name: 'x' },
        headers: { 'if-match': '"1"' },
      });
      expect(stale.status).toBe(412);
      expect(
        (await fx.call('PATCH', href, tenantAdmin.token, { name: `Renamed ${taken}` })).body.version,
      ).toBe(2);
      const clash = await fx.call('PATCH', href, tenantAdmin.token, { name: taken.toLowerCase() });
      expect(clash.status).toBe(409);
      expect(clash.body.error.code).toBe('DIVISION_NAME_TAKEN');
    });

    it('refuses to delete a division with groups or a team with members (422 HAS_CHILDREN), unless ?cascade=true', async () => {
      const team = await fx.createTeam(tenant.tenantId, tenantAdmin.token);
      const member = await fx.directoryUser();
      await fx.addMember(tenant.tenantId, member, 'VIEWER', [team.teamId], tenantAdmin.token);
      const divisionHref = `${base()}/divisions/${team.divisionId}`;

      const withGroups = await fx.call('DELETE', divisionHref, tenantAdmin.token);
      expect(withGroups.status).toBe(422);
      expect(withGroups.body.error.code).toBe('HAS_CHILDREN');
      expect((await fx.call('DELETE', team.href, tenantAdmin.token)).body.error.code).toBe('HAS_CHILDREN');
      const division = await fx.expect(200, 'GET', divisionHref, tenantAdmin.token);
      expect(division._links.deleteWithChildren).toEqual({
        href: `${divisionHref}?cascade=true`,
        method: 'DELETE',
      });

      const cascaded = await fx.call('DELETE', `${divisionHref}?cascade=true`, tenantAdmin.token);
      expect(cascaded.status).toBe(204);
      expect((await fx.call('GET', divisionHref, tenantAdmin.token)).status).toBe(404);
      expect((await fx.call('GET', team.href, tenantAdmin.token)).body.error.code).toBe('TEAM_NOT_FOUND');
      const membership = await fx.expect(200, 'GET', `${base()}/members/${member.userId}`, tenantAdmin.token);
      expect(membership.teamIds).toEqual([]);
      const audit = await fx.audit(tenant.tenantId);
      expect(audit).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'DIVISION_DELETED',
            actor: tenantAdmin.userId,
            details: expect.objectContaining({
              divisionId: team.divisionId,
              cascade: true,
              groups: 1,
              teams: 1,
              teamAssignments: 1,
            }),
          }),
        ]),
      );
    });

    it('deletes an empty node with 204 and frees its name; a stale If-Match is a 412', async () => {
      const name = divisionName();
      const division = await fx.expect(201, 'POST', `${base()}/divisions`, tenantAdmin.token, { name });
      const href = `${base()}/divisions/${division.divisionId}`;
      const stale = await fx.api.request({
        method: 'DELETE',
        url: href,
        token: tenantAdmin.token,
        headers: { 'if-match': '"9"' },
      });
      expect(stale.status).toBe(412);
      expect((await fx.call('DELETE', href, tenantAdmin.token)).status).toBe(204);
      expect((await fx.call('DELETE', href, tenantAdmin.token)).status).toBe(404);
      expect((await fx.call('POST', `${base()}/divisions`, tenantAdmin.token, { name })).status).toBe(201);
    });

    it('writes an audit event for every change', async () => {
      const team = await fx.createTeam(tenant.tenantId, tenantAdmin.token);
      await fx.expect(200, 'PATCH', team.href, tenantAdmin.token, { description: 'on call' });
      await fx.call('DELETE', team.href, tenantAdmin.token);
      const actions = (await fx.audit(tenant.tenantId))
        .filter((event) =>
          [team.divisionId, team.groupId, team.teamId].some((id) =>
            JSON.stringify(event.details ?? {}).includes(id),
          ),
        )
        .map((event) => event.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'DIVISION_CREATED',
          'GROUP_CREATED',
          'TEAM_CREATED',
          'TEAM_UPDATED',
          'TEAM_DELETED',
        ]),
      );
    });
  });

  describe('who may', () => {
    it('lets any member read but only ADMINs write (403 FORBIDDEN)', async () => {
      expect((await fx.call('GET', `${base()}/divisions`, viewer.token)).status).toBe(200);
      expect((await fx.call('GET', `${base()}/hierarchy`, viewer.token)).status).toBe(200);
      const denied = await fx.call('POST', `${base()}/divisions`, viewer.token, { name: divisionName() });
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('FORBIDDEN');
      const division = await fx.expect(201, 'POST', `${base()}/divisions`, tenantAdmin.token, {
        name: divisionName(),
      });
      expect(
        (await fx.call('PATCH', `${base()}/divisions/${division.divisionId}`, viewer.token, { name: 'x' }))
          .status,
      ).toBe(403);
      expect(
        (await fx.call('DELETE', `${base()}/divisions/${division.divisionId}`, viewer.token)).status,
      ).toBe(403);
      expect(
        (await fx.call('POST', `${base()}/divisions`, fx.admin.token, { name: divisionName() })).status,
      ).toBe(201);
    });

    it('answers 404 to a member of another tenant on every route, revealing nothing', async () => {
      const team = await fx.createTeam(tenant.tenantId, tenantAdmin.token);
      const urls = [
        `${base()}/hierarchy`,
        `${base()}/divisions`,
        `${base()}/divisions/${team.divisionId}`,
        `${team.href}`,
        `${team.href}/members`,
      ];
      for (const url of urls) {
        const response = await fx.call('GET', url, outsider.token);
        expect(response.status).toBe(404);
        expect(response.body.error.code).toBe('TENANT_NOT_FOUND');
      }
      expect(
        (await fx.call('POST', `${base()}/divisions`, outsider.token, { name: divisionName() })).status,
      ).toBe(404);
      expect((await fx.call('DELETE', team.href, outsider.token)).status).toBe(404);
    });

    it('needs a token', async () => {
      expect((await fx.call('GET', `${base()}/hierarchy`, undefined)).status).toBe(401);
      const stranger = await newTestUser();
      expect((await fx.call('GET', `${base()}/hierarchy`, stranger.token)).status).toBe(404);
    });

    it('freezes the hierarchy of a deprovisioned tenant (422) while reads still work', async () => {
      const gone = await fx.tenantWithAdmin();
      const t = gone.tenant.tenantId;
      await fx.expect(200, 'DELETE', `/v1.0/tenants/${t}`, fx.admin.token);
      const refused = await fx.call('POST', `/v1.0/tenants/${t}/divisions`, gone.tenantAdmin.token, {
        name: 'Late',
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('TENANT_DEPROVISIONED');
      expect((await fx.call('GET', `/v1.0/tenants/${t}/hierarchy`, gone.tenantAdmin.token)).status).toBe(200);
    });
  });
});
