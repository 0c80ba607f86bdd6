import type { OperationDao, OperationListFilter } from '@bbws/data-access-operations';
import type { Caller, TenantAccess, TenantAccessService } from '@bbws/platform-auth';
import type { Operation } from '@bbws/shared-contracts';
import { ForbiddenError, NotFoundError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';

export interface OperationView {
  operation: Operation;
  access: TenantAccess;
}

/** Reads and cancellation of operations, checked against the operation's tenant. */
export class OperationsService {
  constructor(
    private readonly operations: OperationDao,
    private readonly access: TenantAccessService,
  ) {}

  /** Any member of its tenant; everyone else gets 404, as if it did not exist. */
  async get(caller: Caller, operationId: string): Promise<OperationView> {
    const operation = await this.operations.get(operationId);
    if (!operation) throw new NotFoundError('OPERATION', operationId);
    if (caller.isPlatformAdmin)
      return { operation, access: { tenantId: operation.tenantId, isPlatformAdmin: true, role: null } };
    const member = await this.access.membership(operation.tenantId, caller.userId);
    if (!member) throw new NotFoundError('OPERATION', operationId);
    return { operation, access: { tenantId: operation.tenantId, isPlatformAdmin: false, role: member.role } };
  }

  async list(
    caller: Caller,
    tenantId: string,
    filter: OperationListFilter & { resourceId?: string },
    page: PageRequest,
  ): Promise<{ page: Page<Operation>; access: TenantAccess }> {
    const access = await this.access.require(caller, tenantId);
    const { resourceId, ...rest } = filter;
    const result = resourceId
      ? await this.operations.listByResource(tenantId, resourceId, rest, page)
      : await this.operations.listByTenant(tenantId, rest, page);
    return { page: result, access };
  }

  /** Tenant ADMINs (and platform admins) cancel operations that have not started. */
  async cancel(caller: Caller, operationId: string): Promise<OperationView> {
    const { access } = await this.get(caller, operationId);
    if (!canCancel(access))
      throw new ForbiddenError('Cancelling an operation needs the ADMIN role in its tenant', {
        requiredRoles: ['ADMIN'],
        role: access.role,
      });
    return { operation: await this.operations.cancel(operationId, caller.userId), access };
  }
}

export function canCancel(access: TenantAccess): boolean {
  return access.isPlatformAdmin || access.role === 'ADMIN';
}
