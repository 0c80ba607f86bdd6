import type { Member, MembershipReaderDao } from '@bbws/data-access-memberships';
import type { Tenant, TenantDao } from '@bbws/data-access-tenants';
import type { DirectoryUser, DirectoryUserStatus, IdentityDirectory } from '@bbws/integrations-identity';
import type { Caller } from '@bbws/platform-auth';
import { ForbiddenError, NotFoundError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';

export interface UserProfile {
  userId: string;
  email: string;
  name: string;
  status: DirectoryUserStatus | 'UNKNOWN';
}

export interface MembershipView {
  member: Member;
  tenant: Tenant;
}

export interface MeView {
  profile: UserProfile;
  isPlatformAdmin: boolean;
  memberships: MembershipView[];
  moreMemberships: boolean;
}

export interface UserView {
  profile: UserProfile;
  /** Memberships the caller may see: all for the user and staff, shared tenants the caller administers otherwise. */
  memberships: Member[];
  canListTenants: boolean;
}

/** How many of a user's memberships one profile read goes through (pages of 100). */
const MAX_MEMBERSHIP_PAGES = 10;
const PAGE = 100;

/** People: the caller's own profile, other users' profiles (with visibility rules), a user's tenants. */
export class UsersService {
  constructor(
    private readonly identity: Pick<IdentityDirectory, 'getUser'>,
    private readonly memberships: Pick<MembershipReaderDao, 'listByUser' | 'findInTenants'>,
    private readonly tenants: Pick<TenantDao, 'getMany'>,
  ) {}

  async me(caller: Caller): Promise<MeView> {
    const [user, page] = await Promise.all([
      this.identity.getUser(caller.userId),
      this.memberships.listByUser(caller.userId, { pageSize: PAGE }),
    ]);
    const tenants = await this.tenantsById(page.items);
    return {
      profile: user
        ? profileOf(user)
        : { userId: caller.userId, email: caller.email, name: caller.name, status: 'ACTIVE' },
      isPlatformAdmin: caller.isPlatformAdmin,
      memberships: page.items.flatMap((member) => {
        const tenant = tenants.get(member.tenantId);
        return tenant ? [{ member, tenant }] : [];
      }),
      moreMemberships: page.nextStartAt !== null,
    };
  }

  /**
   * Visible to the user, platform admins, and ADMINs of a tenant the user belongs to (who see only
   * those tenants' teams). Anyone else gets 404, as for a user that does not exist.
   */
  async get(caller: Caller, userId: string): Promise<UserView> {
    const everything = caller.isPlatformAdmin || caller.userId === userId;
    const visible = everything
      ? await this.allMemberships(userId)
      : await this.sharedAdministered(caller, userId);
    if (!everything && visible.length === 0) throw new NotFoundError('USER', userId);
    const user = await this.identity.getUser(userId);
    const profile: UserProfile | null = user
      ? profileOf(user)
      : visible[0]
        ? { userId, email: visible[0].email, name: visible[0].name, status: 'UNKNOWN' }
        : caller.userId === userId
          ? { userId, email: caller.email, name: caller.name, status: 'ACTIVE' }
          : null;
    if (!profile) throw new NotFoundError('USER', userId);
    return { profile, memberships: visible, canListTenants: everything };
  }

  /** The user's tenants with their role: for the user and platform admins only. */
  async listTenants(caller: Caller, userId: string, page: PageRequest): Promise<Page<MembershipView>> {
    if (!caller.isPlatformAdmin && caller.userId !== userId) {
      throw new ForbiddenError("Only the user and platform administrators list a user's tenants");
    }
    const result = await this.memberships.listByUser(userId, page);
    const tenants = await this.tenantsById(result.items);
    return {
      items: result.items.flatMap((member) => {
        const tenant = tenants.get(member.tenantId);
        return tenant ? [{ member, tenant }] : [];
      }),
      nextStartAt: result.nextStartAt,
    };
  }

  private async allMemberships(userId: string): Promise<Member[]> {
    const members: Member[] = [];
    let startAt: string | undefined;
    for (let pages = 0; pages < MAX_MEMBERSHIP_PAGES; pages += 1) {
      const page = await this.memberships.listByUser(userId, {
        pageSize: PAGE,
        ...(startAt ? { startAt } : {}),
      });
      members.push(...page.items);
      if (!page.nextStartAt) break;
      startAt = page.nextStartAt;
    }
    return members;
  }

  /**
   * The user's memberships in the tenants the caller administers, decided from the caller's own
   * memberships (bounded, usually few) and one BatchGet, never by reading all of the user's.
   */
  private async sharedAdministered(caller: Caller, userId: string): Promise<Member[]> {
    const administered = (await this.allMemberships(caller.userId))
      .filter((member) => member.role === 'ADMIN')
      .map((member) => member.tenantId);
    return this.memberships.findInTenants(administered, userId);
  }

  private async tenantsById(members: Member[]): Promise<Map<string, Tenant>> {
    const tenants = await this.tenants.getMany(members.map((member) => member.tenantId));
    return new Map(tenants.map((tenant) => [tenant.tenantId, tenant]));
  }
}

function profileOf(user: DirectoryUser): UserProfile {
  return { userId: user.userId, email: user.email, name: user.name, status: user.status };
}
