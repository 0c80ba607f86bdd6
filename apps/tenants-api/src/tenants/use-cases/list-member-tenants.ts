import type { Member, MembershipReaderDao } from '@bbws/data-access-memberships';
import type { Tenant, TenantDao, TenantStatus } from '@bbws/data-access-tenants';
import { MAX_PAGE_SIZE, type Page, type PageRequest } from '@bbws/shared-hateoas';
import { normalizeName } from '@bbws/shared-util';

export interface MemberTenantFilter {
  status?: TenantStatus;
  name?: string;
}

/** How many memberships one request reads at most while looking for a full page (10 reads of 100). */
const MAX_MEMBERSHIPS_READ = 10 * MAX_PAGE_SIZE;

/**
 * A member's tenants that pass the filter, in full pages: memberships are read in bounded batches
 * until `pageSize` tenants match or the list ends, and the cursor continues right after the last
 * tenant returned. A request stops after {@link MAX_MEMBERSHIPS_READ} memberships, returning a short
 * page with a cursor to go on from.
 */
export async function listMemberTenants(
  memberships: Pick<MembershipReaderDao, 'listByUser' | 'cursorAfter'>,
  tenants: Pick<TenantDao, 'getMany'>,
  userId: string,
  filter: MemberTenantFilter,
  page: PageRequest,
): Promise<Page<{ member: Member; tenant: Tenant }>> {
  const prefix = filter.name ? normalizeName(filter.name) : undefined;
  const matches = (tenant: Tenant) =>
    (!filter.status || tenant.status === filter.status) &&
    (!prefix || normalizeName(tenant.organizationName).startsWith(prefix));
  // One more than needed, so a page that ends the list is known to (no empty last page).
  const batchSize = (filter.status || prefix ? MAX_PAGE_SIZE : page.pageSize) + 1;
  const found: Array<{ member: Member; tenant: Tenant }> = [];
  let startAt = page.startAt;
  for (let read = 0; read < MAX_MEMBERSHIPS_READ; read += batchSize) {
    const batch = await memberships.listByUser(userId, {
      pageSize: batchSize,
      ...(startAt ? { startAt } : {}),
    });
    const byId = new Map(
      (await tenants.getMany(batch.items.map((m) => m.tenantId))).map((t) => [t.tenantId, t]),
    );
    for (const [index, member] of batch.items.entries()) {
      const tenant = byId.get(member.tenantId);
      if (tenant && matches(tenant)) found.push({ member, tenant });
      if (found.length === page.pageSize) {
        const lastOfList = index === batch.items.length - 1 && !batch.nextStartAt;
        return { items: found, nextStartAt: lastOfList ? null : memberships.cursorAfter(member) };
      }
    }
    if (!batch.nextStartAt) return { items: found, nextStartAt: null };
    startAt = batch.nextStartAt;
  }
  return { items: found, nextStartAt: startAt ?? null };
}
