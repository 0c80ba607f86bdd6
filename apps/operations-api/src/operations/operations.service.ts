import type { OperationDao, OperationListFilter } from '@bbws/data-access-operations';
import type { Caller, TenantAccess, TenantAccessService } from '@bbws/platform-auth';
import { cancellersOf, type Operation } from '@bbws/shared-contracts';
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

  /** Cancels an operation that has not started, if the caller may (see `mayCancel`). */
  async cancel(caller: Caller, operationId: string): Promise<OperationView> {
    const { operation, access } = await this.get(caller, operationId);
    if (!mayCancel(caller, access, operation)) {
      const cancellers = cancellersOf(operation);
      throw new ForbiddenError(
        cancellers === 'PLATFORM_ADMINS'
          ? `Only platform admins can cancel a ${operation.type} operation`
          : 'Only the member who started an operation, or an ADMIN of its tenant, can cancel it',
        { cancellableBy: cancellers, role: access.role },
      );
    }
    return { operation: await this.operations.cancel(operationId, caller.userId), access };
  }
}

/**
 * Platform admins cancel any operation; operations only they can start (suspend, park, ...) only
 * they cancel; the others also the member who started them and the tenant's ADMINs.
 */
export function mayCancel(
  caller: Pick<Caller, 'userId'>,
  access: TenantAccess,
  operation: Pick<Operation, 'type' | 'createdBy' | 'cancellableBy'>,
): boolean {
  if (access.isPlatformAdmin) return true;
  if (cancellersOf(operation) === 'PLATFORM_ADMINS') return false;
  return access.role === 'ADMIN' || operation.createdBy === caller.userId;
}
