import type { TestUser } from '@bbws/testing-e2e';
import { OrgFixture, uniqueEmail } from './org-fixture';
import { DAY_MS } from './org-invitations';

describe('paging lists whose filters depend on time or on other items', () => {
  let fx: OrgFixture;

  beforeAll(async () => {
    fx = await OrgFixture.start({ env: { INVITATION_RATE_LIMIT_PER_MINUTE: '10000' } });
  });
  afterEach(() => fx.clock.set(new Date()));
  afterAll(() => fx.close());

  /** Follows `_links.next` from `url` to the end, returning every page. */
  async function allPages(url: string, token: string): Promise<any[]> {
    const pages: any[] = [];
    let next: string | undefined = url;
    while (next) {
      const page = await fx.expect(200, 'GET', next, token);
      pages.push(page);
      next = page._links.next?.href;
      expect(pages.length).toBeLessThan(20);
    }
    return pages;
  }

  describe('GET /v1.0/tenants/:tenantId/invitations?status=PENDING|EXPIRED', () => {
    let tenantId: string;
    let tenantAdmin: TestUser;
    const url = (status: string) => `/v1.0/tenants/${tenantId}/invitations?status=${status}&pageSize=1`;
    const send = (expiresInDays: number) =>
      fx.expect(201, 'POST', `/v1.0/tenants/${tenantId}/invitations`, tenantAdmin.token, {
        email: uniqueEmail('pager'),
        role: 'VIEWER',
        expiresInDays,
      });

    beforeEach(async () => {
      const fresh = await fx.tenantWithAdmin();
      tenantId = fresh.tenant.tenantId;
      tenantAdmin = fresh.tenantAdmin;
    });

    it('pages through 3 pending invitations one at a time, to the end, without a 400 on page 2', async () => {
      const sent = [await send(7), await send(7), await send(7)];
      const pages = await allPages(url('PENDING'), tenantAdmin.token);
      const ids = pages.flatMap((page) => page.items.map((item: any) => item.invitationId));
      expect(ids).toHaveLength(3);
      expect(new Set(ids)).toEqual(new Set(sent.map((invitation) => invitation.invitationId)));
    });

    it('pages through 3 expired invitations while the clock moves on between pages', async () => {
      const sent = [await send(1), await send(1), await send(1)];
      fx.clock.advance(DAY_MS + 1000);
      const ids: string[] = [];
      let next: string | undefined = url('EXPIRED');
      while (next) {
        const page = await fx.expect(200, 'GET', next, tenantAdmin.token);
        ids.push(...page.items.map((item: any) => item.invitationId));
        next = page._links.next?.href;
        fx.clock.advance(60_000);
      }
      expect(ids).toHaveLength(3);
      expect(new Set(ids)).toEqual(new Set(sent.map((invitation) => invitation.invitationId)));
    });
  });

  describe('GET /v1.0/tenants as a member, with filters', () => {
    it('returns full pages of the matching tenants, skipping the memberships filtered out', async () => {
      const member = await fx.directoryUser();
      const failed: string[] = [];
      for (let i = 0; i < 8; i += 1) {
        const tenant = await fx.createTenant();
        await fx.addMember(tenant.tenantId, member, 'VIEWER');
        if (i % 3 === 0) {
          await fx.expect(200, 'PATCH', `/v1.0/tenants/${tenant.tenantId}/status`, fx.admin.token, {
            status: 'FAILED',
          });
          failed.push(tenant.tenantId);
        }
      }
      expect(failed).toHaveLength(3);
      const pages = await allPages('/v1.0/tenants?status=FAILED&pageSize=2', member.token);
      expect(pages[0]).toMatchObject({ count: 2, moreAvailable: true });
      for (const page of pages.slice(0, -1)) expect(page.count).toBe(2);
      const ids = pages.flatMap((page) => page.items.map((item: any) => item.tenantId));
      expect(ids).toHaveLength(3);
      expect(new Set(ids)).toEqual(new Set(failed));
      expect(pages[pages.length - 1]).toMatchObject({ moreAvailable: false, nextStartAt: null });
    });

    it('ends the list on the page holding the last membership', async () => {
      const member = await fx.directoryUser();
      const tenants = [await fx.createTenant(), await fx.createTenant()];
      for (const tenant of tenants) await fx.addMember(tenant.tenantId, member, 'VIEWER');
      const page = await fx.expect(200, 'GET', '/v1.0/tenants?pageSize=2', member.token);
      expect(page).toMatchObject({ count: 2, moreAvailable: false, nextStartAt: null });
    });
  });
});
