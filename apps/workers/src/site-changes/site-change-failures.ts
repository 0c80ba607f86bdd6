import type { ExtraWrites } from '@bbws/data-access-dynamo';
import type { Site, SiteDao, SiteError } from '@bbws/data-access-sites';
import type { Operation, OperationError } from '@bbws/shared-contracts';
import type { Clock } from '@bbws/shared-util';

/**
 * A change that failed for good (settings, status, template, backup, restore) leaves the site in its
 * status with the error as `lastError`: the site still works as it did, only the change did not happen
 * (committed with the FAILED operation; `record` repeats it when the writes could not go with it).
 */
export class SiteChangeFailures {
  constructor(
    private readonly sites: Pick<SiteDao, 'get' | 'change' | 'changeWrites'>,
    private readonly clock: Clock,
  ) {}

  async writes(operation: Operation, error: OperationError): Promise<ExtraWrites | undefined> {
    const site = await this.unrecorded(operation);
    return site ? this.sites.changeWrites(site, this.failedChange(site, operation, error)) : undefined;
  }

  async record(operation: Operation, error: OperationError): Promise<void> {
    const site = await this.unrecorded(operation);
    if (site) await this.sites.change(site, this.failedChange(site, operation, error));
  }

  private async unrecorded(operation: Operation): Promise<Site | undefined> {
    const site = await this.sites.get(operation.tenantId, operation.resourceId);
    if (!site || site.status === 'DELETED') return undefined;
    return site.lastError?.operationId === operation.operationId ? undefined : site;
  }

  private failedChange(site: Site, operation: Operation, error: OperationError) {
    const lastError: SiteError = {
      code: error.code,
      message: error.message,
      at: this.clock.now().toISOString(),
      operationId: operation.operationId,
    };
    return { expectedVersion: site.version, expectedStatuses: [site.status], changes: { lastError } };
  }
}
