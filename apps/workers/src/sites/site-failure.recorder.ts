import type { ExtraWrites } from '@bbws/data-access-dynamo';
import type { Site, SiteDao, SiteStatus } from '@bbws/data-access-sites';
import type { Operation, OperationError } from '@bbws/shared-contracts';
import type { Clock } from '@bbws/shared-util';

/**
 * A site operation that failed for good leaves its site FAILED with the error, when the site is still
 * in a status the operation put it in (committed with the FAILED operation; `record` repeats it after
 * the commit when the writes could not go with it).
 */
export class SiteFailureRecorder {
  constructor(
    private readonly sites: Pick<SiteDao, 'get' | 'change' | 'changeWrites'>,
    private readonly clock: Clock,
  ) {}

  async writes(
    operation: Operation,
    during: readonly SiteStatus[],
    error: OperationError,
  ): Promise<ExtraWrites | undefined> {
    const site = await this.failing(operation, during);
    return site
      ? this.sites.changeWrites(site, this.failedChange(site, operation, error, during))
      : undefined;
  }

  async record(operation: Operation, during: readonly SiteStatus[], error: OperationError): Promise<void> {
    const site = await this.failing(operation, during);
    if (site) await this.sites.change(site, this.failedChange(site, operation, error, during));
  }

  private async failing(operation: Operation, during: readonly SiteStatus[]): Promise<Site | undefined> {
    const site = await this.sites.get(operation.tenantId, operation.resourceId);
    return site && during.includes(site.status) ? site : undefined;
  }

  private failedChange(
    site: Site,
    operation: Operation,
    error: OperationError,
    during: readonly SiteStatus[],
  ) {
    return {
      expectedVersion: site.version,
      expectedStatuses: during,
      changes: {
        status: 'FAILED' as const,
        lastError: {
          code: error.code,
          message: error.message,
          at: this.clock.now().toISOString(),
          operationId: operation.operationId,
        },
      },
    };
  }
}
