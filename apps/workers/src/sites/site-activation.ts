import type { SiteDao } from '@bbws/data-access-sites';
import type { OperationContext } from '@bbws/platform-operations';
import type { EventPublisher } from '@bbws/platform-sqs';
import { SiteMissingError } from './site-creation.errors';

export interface SiteActivationDeps {
  sites: Pick<SiteDao, 'get' | 'change'>;
  events: Pick<EventPublisher, 'publish'>;
}

/**
 * The `activate` step of an operation that brings a new site up (creation, clone): the PROVISIONING
 * site ACTIVE, then `site.created`. An earlier attempt that started this step may have activated the site
 * without announcing it: a resumed step announces it again, a fresh one finding it ACTIVE does not.
 */
export async function activateNewSite(
  context: OperationContext<object>,
  deps: SiteActivationDeps,
  tenantId: string,
  siteId: string,
): Promise<void> {
  const resumed = context.steps.some((step) => step.name === 'activate' && step.status === 'IN_PROGRESS');
  await context.step('activate', async () => {
    const current = await deps.sites.get(tenantId, siteId);
    if (!current) throw new SiteMissingError(siteId);
    if (current.status === 'ACTIVE' && !resumed) return;
    const active =
      current.status === 'ACTIVE'
        ? current
        : await deps.sites.change(current, {
            expectedVersion: current.version,
            expectedStatuses: ['PROVISIONING'],
            changes: { status: 'ACTIVE', lastError: null },
          });
    await deps.events.publish({
      tenantId: active.tenantId,
      type: 'site.created',
      correlationId: context.envelope.correlationId,
      data: {
        siteId: active.siteId,
        siteName: active.siteName,
        environment: active.environment,
        siteUrl: active.siteUrl,
        status: active.status,
        operationId: context.operation.operationId,
      },
    });
  });
}
