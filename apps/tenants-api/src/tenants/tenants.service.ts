import type { InstanceReaderDao } from '@bbws/data-access-instances';
import type { MembershipReaderDao } from '@bbws/data-access-memberships';
import type { ResourceLockReader } from '@bbws/data-access-operations';
import type { AuditEvent, Tenant, TenantDao, TenantStatus, TenantTier } from '@bbws/data-access-tenants';
import {
  requirePlatformAdmin,
  type Caller,
  type TenantAccess,
  type TenantAccessService,
} from '@bbws/platform-auth';
import { BusinessRuleError, ForbiddenError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { newId, type Clock } from '@bbws/shared-util';
import type { TenantEventsPublisher } from '../events/tenant-events.publisher';
import {
  assertLive,
  assertVersion,
  type AuditExtra,
  type OrganizationService,
} from '../organization/organization.service';
import { rethrowAsAppError } from '../organization/store-errors';
import { assertTransition } from './tenant-status.rules';
import { listMemberTenants } from './use-cases/list-member-tenants';

export interface CreateTenantInput {
  organizationName: string;
  contactEmail: string;
  tier?: TenantTier;
  metadata?: Record<string, unknown>;
}

export type UpdateTenantInput = Partial<CreateTenantInput>;

export interface TenantListFilter {
  status?: TenantStatus;
  name?: string;
}

export interface TenantView {
  tenant: Tenant;
  access: TenantAccess;
  /** The operation running on the tenant, when it was looked up (single reads). */
  activeOperationId?: string | null;
}

/** Rules of the tenant aggregate: who may do what, in which state, and what gets audited. */
export class TenantsService {
  constructor(
    private readonly tenants: Pick<
      TenantDao,
      | 'create'
      | 'get'
      | 'getMany'
      | 'update'
      | 'changeStatus'
      | 'listAll'
      | 'listByStatus'
      | 'listByNamePrefix'
      | 'listAudit'
    >,
    private readonly memberships: Pick<MembershipReaderDao, 'listByUser' | 'cursorAfter'>,
    private readonly instances: Pick<InstanceReaderDao, 'tenantHasLiveInstances'>,
    private readonly access: Pick<TenantAccessService, 'require'>,
    private readonly events: Pick<TenantEventsPublisher, 'statusChanged'>,
    private readonly locks: Pick<ResourceLockReader, 'find'>,
    private readonly organization: Pick<OrganizationService, 'loadTenant' | 'audit'>,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, input: CreateTenantInput): Promise<TenantView> {
    requirePlatformAdmin(caller);
    const now = this.clock.now().toISOString();
    const tenant: Tenant = {
      tenantId: newId('tenant'),
      organizationName: input.organizationName,
      contactEmail: input.contactEmail,
      tier: input.tier ?? 'STANDARD',
      status: 'PENDING',
      statusReason: null,
      metadata: input.metadata ?? {},
      adminCount: 0,
      createdAt: now,
      createdBy: caller.userId,
      updatedAt: now,
      updatedBy: caller.userId,
      version: 1,
    };
    await this.tenants
      .create(tenant, this.audit(tenant.tenantId, caller, 'TENANT_CREATED', { afterStatus: 'PENDING' }))
      .catch(rethrowAsAppError);
    return { tenant, access: { tenantId: tenant.tenantId, isPlatformAdmin: true, role: null } };
  }

  async get(caller: Caller, tenantId: string): Promise<TenantView> {
    const access = await this.access.require(caller, tenantId);
    const [tenant, lock] = await Promise.all([this.load(tenantId), this.locks.find(tenantId)]);
    return { tenant, access, activeOperationId: lock?.operationId ?? null };
  }

  /** Platform admins page through every tenant; anyone else through the tenants they belong to. */
  async list(caller: Caller, filter: TenantListFilter, page: PageRequest): Promise<Page<TenantView>> {
    if (caller.isPlatformAdmin) {
      const result = filter.name
        ? await this.tenants.listByNamePrefix(filter.name, filter.status, page)
        : filter.status
          ? await this.tenants.listByStatus(filter.status, page)
          : await this.tenants.listAll(page);
      const access = (tenantId: string): TenantAccess => ({ tenantId, isPlatformAdmin: true, role: null });
      return {
        items: result.items.map((tenant) => ({ tenant, access: access(tenant.tenantId) })),
        nextStartAt: result.nextStartAt,
      };
    }
    const result = await listMemberTenants(this.memberships, this.tenants, caller.userId, filter, page);
    return {
      items: result.items.map(({ member, tenant }) => ({
        tenant,
        access: { tenantId: tenant.tenantId, isPlatformAdmin: false, role: member.role },
      })),
      nextStartAt: result.nextStartAt,
    };
  }

  async update(
    caller: Caller,
    tenantId: string,
    input: UpdateTenantInput,
    ifMatch?: number,
  ): Promise<TenantView> {
    const access = await this.access.require(caller, tenantId, ['ADMIN']);
    if (input.tier !== undefined && !caller.isPlatformAdmin) {
      throw new ForbiddenError('Only platform administrators change a tenant tier');
    }
    const current = await this.load(tenantId);
    assertLive(current);
    const changed = Object.fromEntries(
      Object.entries(input).filter(
        ([field, value]) =>
          value !== undefined && JSON.stringify(value) !== JSON.stringify(current[field as keyof Tenant]),
      ),
    ) as UpdateTenantInput;
    const expected = ifMatch ?? current.version;
    if (Object.keys(changed).length === 0) {
      assertVersion(expected, current);
      return { tenant: current, access };
    }
    const audit = this.audit(tenantId, caller, 'TENANT_UPDATED', {
      details: { fields: Object.keys(changed) },
    });
    const tenant = await this.tenants
      .update(current, expected, changed, caller.userId, audit)
      .catch(rethrowAsAppError);
    return { tenant, access };
  }

  async changeStatus(
    caller: Caller,
    tenantId: string,
    status: TenantStatus,
    correlationId: string,
    reason?: string,
    ifMatch?: number,
  ): Promise<TenantView> {
    requirePlatformAdmin(caller);
    const current = await this.load(tenantId);
    assertTransition(current.status, status, reason);
    const audit = this.audit(tenantId, caller, 'TENANT_STATUS_CHANGED', {
      beforeStatus: current.status,
      afterStatus: status,
      ...(reason ? { reason } : {}),
    });
    const tenant = await this.tenants
      .changeStatus(current, ifMatch ?? current.version, status, reason ?? null, caller.userId, audit)
      .catch(rethrowAsAppError);
    await this.events.statusChanged(current, tenant, correlationId);
    return { tenant, access: { tenantId, isPlatformAdmin: true, role: null } };
  }

  /**
   * Deprovisions a tenant. Until instance deprovisioning exists as an operation, a tenant with live
   * instances is refused (even with force) rather than leaving running infrastructure behind.
   */
  async deprovision(
    caller: Caller,
    tenantId: string,
    force: boolean,
    correlationId: string,
    ifMatch?: number,
  ): Promise<TenantView> {
    requirePlatformAdmin(caller);
    const current = await this.load(tenantId);
    if (await this.instances.tenantHasLiveInstances(tenantId)) {
      throw new BusinessRuleError(
        'TENANT_HAS_RESOURCES',
        force
          ? 'The tenant still has instances; deprovision them first (instance deprovisioning runs as its own operation)'
          : 'The tenant still has instances; pass ?force=true to deprovision them with the tenant',
      );
    }
    assertTransition(current.status, 'DEPROVISIONED', undefined);
    const audit = this.audit(tenantId, caller, 'TENANT_DEPROVISIONED', {
      beforeStatus: current.status,
      afterStatus: 'DEPROVISIONED',
    });
    const tenant = await this.tenants
      .changeStatus(current, ifMatch ?? current.version, 'DEPROVISIONED', null, caller.userId, audit)
      .catch(rethrowAsAppError);
    await this.events.statusChanged(current, tenant, correlationId);
    return { tenant, access: { tenantId, isPlatformAdmin: true, role: null } };
  }

  async listAudit(caller: Caller, tenantId: string, page: PageRequest): Promise<Page<AuditEvent>> {
    await this.access.require(caller, tenantId, ['ADMIN']);
    return this.tenants.listAudit(tenantId, page);
  }

  private load(tenantId: string): Promise<Tenant> {
    return this.organization.loadTenant(tenantId);
  }

  private audit(tenantId: string, caller: Caller, action: string, extra: AuditExtra): AuditEvent {
    return this.organization.audit(tenantId, caller, action, extra);
  }
}
