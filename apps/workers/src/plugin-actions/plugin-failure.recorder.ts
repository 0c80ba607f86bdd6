import type { ExtraWrites } from '@bbws/data-access-dynamo';
import type { SiteChange, SiteDao } from '@bbws/data-access-sites';
import type { Operation, OperationError } from '@bbws/shared-contracts';
import type { Clock } from '@bbws/shared-util';

/**
 * A failed plugin action leaves its site as it was (ACTIVE) with the error as `lastError`: committed with
 * the FAILED operation, repeated after the commit when the writes could not go with it.
 */
export class PluginFailureRecorder {
  constructor(
    private readonly sites: Pick<SiteDao, 'get' | 'change' | 'changeWrites'>,
    private readonly clock: Clock,
  ) {}

  async writes(operation: Operation, error: OperationError): Promise<ExtraWrites | undefined> {
    const change = await this.change(operation, error);
    return change ? this.sites.changeWrites(change.site, change.change) : undefined;
  }

  async record(operation: Operation, error: OperationError): Promise<void> {
    const change = await this.change(operation, error);
    if (change) await this.sites.change(change.site, change.change);
  }

  private async change(operation: Operation, error: OperationError) {
    const site = await this.sites.get(operation.tenantId, operation.resourceId);
    if (!site || site.lastError?.operationId === operation.operationId) return undefined;
    const change: SiteChange = {
      expectedVersion: site.version,
      changes: {
        lastError: {
          code: error.code,
          message: error.message,
          at: this.clock.now().toISOString(),
          operationId: operation.operationId,
        },
      },
    };
    return { site, change };
  }
}
