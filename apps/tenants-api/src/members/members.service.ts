import type { Member, TenantRole } from '@bbws/data-access-memberships';
import type { HierarchyDao, MemberDao, MemberFilter, TeamPath } from '@bbws/data-access-tenants';
import type { IdentityDirectory } from '@bbws/integrations-identity';
import type { Caller, TenantAccess, TenantAccessService } from '@bbws/platform-auth';
import { ForbiddenError, NotFoundError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import type { Clock } from '@bbws/shared-util';
import { assertVersion, type OrganizationService } from '../organization/organization.service';
import { rethrowAsAppError } from '../organization/store-errors';

export interface AddMemberInput {
  email: string;
  role: TenantRole;
  teamIds?: string[];
}

export interface UpdateMemberInput {
  role?: TenantRole;
  teamIds?: string[];
}

export interface MemberView {
  member: Member;
  access: TenantAccess;
  /** The tenant's ADMIN count when read, so links can leave out what the last-ADMIN rule forbids. */
  adminCount: number;
}

const MANAGERS: readonly TenantRole[] = ['ADMIN', 'OPERATOR'];

/** Members of a tenant: roles, team assignments and the last-ADMIN rule, every change audited. */
export class MembersService {
  constructor(
    private readonly members: Pick<MemberDao, 'get' | 'list' | 'listByTeam' | 'add' | 'update' | 'remove'>,
    private readonly hierarchy: Pick<HierarchyDao, 'get'>,
    private readonly organization: Pick<
      OrganizationService,
      'loadTenant' | 'loadLiveTenant' | 'audit' | 'resolveTeams' | 'existingTeams'
    >,
    private readonly identity: Pick<IdentityDirectory, 'findUserByEmail'>,
    private readonly access: Pick<TenantAccessService, 'require' | 'forget'>,
    private readonly clock: Clock,
  ) {}

  async list(
    caller: Caller,
    tenantId: string,
    filter: MemberFilter,
    page: PageRequest,
  ): Promise<Page<MemberView>> {
    const access = await this.access.require(caller, tenantId, MANAGERS);
    const [tenant, result] = await Promise.all([
      this.organization.loadTenant(tenantId),
      this.members.list(tenantId, filter, page),
    ]);
    return {
      items: result.items.map((member) => ({ member, access, adminCount: tenant.adminCount })),
      nextStartAt: result.nextStartAt,
    };
  }

  /** Members of one team (any member of the tenant may see who is in a team). */
  async listTeam(
    caller: Caller,
    tenantId: string,
    team: TeamPath,
    page: PageRequest,
  ): Promise<Page<MemberView>> {
    const access = await this.access.require(caller, tenantId);
    const [tenant, node] = await Promise.all([
      this.organization.loadTenant(tenantId),
      this.hierarchy.get(tenantId, team),
    ]);
    if (!node) throw new NotFoundError('TEAM', team.teamId);
    const result = await this.members.listByTeam(tenantId, team.teamId, page);
    return {
      items: result.items.map((member) => ({ member, access, adminCount: tenant.adminCount })),
      nextStartAt: result.nextStartAt,
    };
  }

  /** ADMINs add people who already exist in the identity directory (others are invited instead). */
  async add(caller: Caller, tenantId: string, input: AddMemberInput): Promise<MemberView> {
    const access = await this.access.require(caller, tenantId, ['ADMIN']);
    const tenant = await this.organization.loadLiveTenant(tenantId);
    const user = await this.identity.findUserByEmail(input.email);
    if (!user) throw new NotFoundError('USER', input.email);
    const teamIds = [...new Set(input.teamIds ?? [])];
    const teams = await this.organization.resolveTeams(tenantId, teamIds);
    const now = this.clock.now().toISOString();
    const member: Member = {
      tenantId,
      userId: user.userId,
      email: user.email,
      name: user.name,
      role: input.role,
      teamIds,
      joinedAt: now,
      addedBy: caller.userId,
      updatedAt: now,
      version: 1,
    };
    const audit = this.organization.audit(tenantId, caller, 'MEMBER_ADDED', {
      details: { userId: user.userId, role: input.role, teamIds },
    });
    await this.members.add(member, audit, teams).catch(rethrowAsAppError);
    this.access.forget(tenantId, user.userId);
    return { member, access, adminCount: tenant.adminCount + (member.role === 'ADMIN' ? 1 : 0) };
  }

  /** ADMINs and OPERATORs see any member; everyone sees themselves. */
  async get(caller: Caller, tenantId: string, userId: string): Promise<MemberView> {
    const access = await this.access.require(caller, tenantId);
    if (
      !access.isPlatformAdmin &&
      caller.userId !== userId &&
      !MANAGERS.includes(access.role as TenantRole)
    ) {
      throw new ForbiddenError('Members with the VIEWER role see only their own membership', {
        requiredRoles: [...MANAGERS],
      });
    }
    const [tenant, member] = await Promise.all([
      this.organization.loadTenant(tenantId),
      this.load(tenantId, userId),
    ]);
    return { member, access, adminCount: tenant.adminCount };
  }

  async update(
    caller: Caller,
    tenantId: string,
    userId: string,
    input: UpdateMemberInput,
    ifMatch?: number,
  ): Promise<MemberView> {
    const access = await this.access.require(caller, tenantId, ['ADMIN']);
    await this.organization.loadLiveTenant(tenantId);
    const current = await this.load(tenantId, userId);
    const teamIds = input.teamIds === undefined ? current.teamIds : [...new Set(input.teamIds)];
    const joined = teamIds.filter((teamId) => !current.teamIds.includes(teamId));
    const left = current.teamIds.filter((teamId) => !teamIds.includes(teamId));
    const paths = await this.organization.resolveTeams(tenantId, joined);
    const leftPaths = await this.organization.existingTeams(tenantId, left);
    const role = input.role ?? current.role;
    const expected = ifMatch ?? current.version;
    if (role === current.role && joined.length === 0 && left.length === 0) {
      assertVersion(expected, current);
      return {
        member: current,
        access,
        adminCount: (await this.organization.loadTenant(tenantId)).adminCount,
      };
    }
    const details = {
      userId,
      ...(role !== current.role ? { beforeRole: current.role, afterRole: role } : {}),
      ...(joined.length || left.length ? { joinedTeamIds: joined, leftTeamIds: left } : {}),
    };
    const audit = this.organization.audit(tenantId, caller, 'MEMBER_UPDATED', { details });
    const member = await this.members
      .update(current, expected, { role, teamIds }, audit, { joined: paths, left: leftPaths })
      .catch(rethrowAsAppError);
    this.access.forget(tenantId, userId);
    const tenant = await this.organization.loadTenant(tenantId);
    return { member, access, adminCount: tenant.adminCount };
  }

  async remove(caller: Caller, tenantId: string, userId: string, ifMatch?: number): Promise<void> {
    await this.access.require(caller, tenantId, ['ADMIN']);
    await this.organization.loadLiveTenant(tenantId);
    const current = await this.load(tenantId, userId);
    const teams = await this.organization.existingTeams(tenantId, current.teamIds);
    const audit = this.organization.audit(tenantId, caller, 'MEMBER_REMOVED', {
      details: { userId, role: current.role, teamIds: current.teamIds },
    });
    await this.members.remove(current, ifMatch ?? current.version, audit, teams).catch(rethrowAsAppError);
    this.access.forget(tenantId, userId);
  }

  private async load(tenantId: string, userId: string): Promise<Member> {
    const member = await this.members.get(tenantId, userId);
    if (!member) throw new NotFoundError('MEMBER', userId);
    return member;
  }
}
