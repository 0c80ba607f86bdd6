import type { OperationDao } from '@bbws/data-access-operations';
import type { Site, SiteDao } from '@bbws/data-access-sites';
import { MESSAGES, type MessageContract, type Operation } from '@bbws/shared-contracts';
import { BusinessRuleError, ForbiddenError } from '@bbws/shared-errors';
import { SITE_ACTIONS, rolesFor } from '../site-state.rules';
import type { SiteOperations, SiteRequest } from './site-operations';

/** The failures `/retry` re-runs: the ones that leave a site that never became ACTIVE. */
const RETRYABLE: Readonly<Record<string, MessageContract>> = {
  SITE_CREATION: MESSAGES.SITE_CREATION,
  SITE_CLONE: MESSAGES.SITE_CLONE,
};

/** What to do instead, for failures `/retry` does not re-run. */
const INSTEAD: Readonly<Record<string, string>> = {
  SITE_DELETION: 'The site failed while being deleted: send DELETE again',
};

export type FailedCreation = Operation & { dispatch: NonNullable<Operation['dispatch']> };

/** The failed creation or clone named by the site's `lastError`, or why there is none to re-run. */
export async function failedCreationOf(
  site: Site,
  operations: Pick<OperationDao, 'get'>,
): Promise<FailedCreation | BusinessRuleError> {
  const operationId = site.lastError?.operationId;
  const failed = operationId ? await operations.get(operationId) : null;
  const ours = failed && failed.tenantId === site.tenantId && failed.resourceId === site.siteId;
  if (ours && RETRYABLE[failed.type] && failed.dispatch) return failed as FailedCreation;
  const type = ours ? failed.type : null;
  return new BusinessRuleError(
    'RETRY_NOT_AVAILABLE',
    (type && INSTEAD[type]) ?? 'Only a failed creation or clone can be retried; delete the site instead',
    { siteId: site.siteId, failedOperationId: operationId ?? null, failedOperationType: type },
  );
}

/**
 * POST .../{s}/retry: ADMIN or OPERATOR (PROD: ADMIN) re-run a FAILED site's creation or clone on the same
 * site — a new operation of the failed one's type with its payload, the site PROVISIONING in the launch
 * transaction. `lastError` stays until the worker succeeds (the activation clears it). A clone's source
 * must still be ACTIVE.
 */
export class RetrySite {
  constructor(
    private readonly operations: Pick<SiteOperations, 'load' | 'launch'>,
    private readonly history: Pick<OperationDao, 'get'>,
    private readonly sites: Pick<SiteDao, 'get'>,
  ) {}

  async retry(request: SiteRequest): Promise<Operation> {
    const loaded = await this.operations.load(request, SITE_ACTIONS.RETRY.roles);
    const roles = rolesFor(loaded.site, 'RETRY');
    if (!loaded.access.isPlatformAdmin && !roles.includes(loaded.access.role ?? 'VIEWER'))
      throw new ForbiddenError('Retrying a PROD site needs the ADMIN role in this tenant', {
        requiredRoles: roles,
        environment: loaded.site.environment,
      });
    // Read up front for the message type; `check` reads it again from the site the launch works on.
    const first = await failedCreationOf(loaded.site, this.history);
    const contract = first instanceof BusinessRuleError ? MESSAGES.SITE_CREATION : RETRYABLE[first.type];
    let failed = first;
    return this.operations.launch({
      request,
      loaded,
      action: 'RETRY',
      check: async (site) => {
        failed = await failedCreationOf(site, this.history);
        if (failed instanceof BusinessRuleError) throw failed;
        if (RETRYABLE[failed.type] !== contract)
          throw new BusinessRuleError(
            'RETRY_NOT_AVAILABLE',
            'The site failed again meanwhile; read it again',
          );
        if (failed.type === 'SITE_CLONE') await this.assertSourceActive(site, failed);
      },
      contract,
      payload: () => ({ ...(failed as FailedCreation).dispatch.message.payload }),
      changes: { status: 'PROVISIONING' },
    });
  }

  private async assertSourceActive(site: Site, failed: FailedCreation): Promise<void> {
    const { sourceSiteId } = failed.dispatch.message.payload as { sourceSiteId?: string };
    const source = sourceSiteId ? await this.sites.get(site.tenantId, sourceSiteId) : null;
    if (source?.status !== 'ACTIVE')
      throw new BusinessRuleError(
        'SOURCE_NOT_ACTIVE',
        `The clone's source ${sourceSiteId ?? ''} is ${source?.status ?? 'gone'}: only an ACTIVE site can be copied`,
        { siteId: site.siteId, sourceSiteId: sourceSiteId ?? null, sourceStatus: source?.status ?? null },
      );
  }
}
