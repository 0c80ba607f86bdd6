import type { SiteConfiguration } from '@bbws/data-access-sites';
import { MESSAGES, type Operation } from '@bbws/shared-contracts';
import { ValidationError } from '@bbws/shared-errors';
import { SITE_ACTIONS, assertStatusChange, statusChangeAction } from '../site-state.rules';
import type { SiteOperations, SiteRequest } from './site-operations';

export interface SiteSettingsInput {
  siteName?: string;
  configuration?: SiteConfiguration;
}

/**
 * Settings, deletion and status of an existing site, each accepted as an operation the site workers run:
 * SITE_UPDATE (PATCH merges, PUT replaces the whole settings), SITE_DELETION (the site DEPROVISIONING in
 * the launch transaction), SITE_STATUS_CHANGE (suspend, resume, undo a PROD soft delete).
 */
export class SiteLifecycle {
  constructor(private readonly operations: Pick<SiteOperations, 'load' | 'launch' | 'now'>) {}

  /** PATCH: at least one field; only the given ones are sent (the worker merges them). */
  async update(request: SiteRequest, input: SiteSettingsInput): Promise<Operation> {
    const configuration = withoutUndefined(input.configuration ?? {});
    if (input.siteName === undefined && Object.keys(configuration).length === 0)
      throw new ValidationError('Give siteName or at least one configuration field', [
        { field: 'siteName', messages: ['one of siteName, configuration.* is required'] },
      ]);
    return this.launchUpdate(request, {
      ...(input.siteName !== undefined ? { siteName: input.siteName } : {}),
      ...(Object.keys(configuration).length ? { configuration } : {}),
    });
  }

  /** PUT: the whole settings (the DTO requires every field), sent as they are. */
  replace(request: SiteRequest, input: Required<SiteSettingsInput>): Promise<Operation> {
    return this.launchUpdate(request, {
      siteName: input.siteName,
      configuration: withoutUndefined(input.configuration),
    });
  }

  /** DELETE: ADMIN; the worker backs the site up first; PROD sites stay soft-deleted 24 h unless `force`. */
  async delete(request: SiteRequest, force: boolean): Promise<Operation> {
    const loaded = await this.operations.load(request, SITE_ACTIONS.DELETE.roles);
    return this.operations.launch({
      request,
      loaded,
      action: 'DELETE',
      contract: MESSAGES.SITE_DELETION,
      payload: (site) => ({ siteId: site.siteId, force }),
      changes: { status: 'DEPROVISIONING' },
    });
  }

  /** PUT .../status: ADMIN; ACTIVE ⇄ SUSPENDED, and DEPROVISIONING → ACTIVE during a PROD soft delete. */
  async changeStatus(
    request: SiteRequest,
    input: { status: 'ACTIVE' | 'SUSPENDED'; reason?: string },
  ): Promise<Operation> {
    const loaded = await this.operations.load(request, SITE_ACTIONS.SUSPEND.roles);
    const now = this.operations.now();
    return this.operations.launch({
      request,
      loaded,
      action: (site) => statusChangeAction(site, input.status),
      before: (site) => void assertStatusChange(site, input.status, now),
      contract: MESSAGES.SITE_STATUS_CHANGE,
      payload: (site) => ({
        siteId: site.siteId,
        status: input.status,
        ...(input.reason ? { reason: input.reason } : {}),
      }),
    });
  }

  private async launchUpdate(
    request: SiteRequest,
    fields: { siteName?: string; configuration?: SiteConfiguration },
  ): Promise<Operation> {
    const loaded = await this.operations.load(request, SITE_ACTIONS.UPDATE.roles);
    return this.operations.launch({
      request,
      loaded,
      action: 'UPDATE',
      contract: MESSAGES.SITE_UPDATE,
      payload: (site) => ({
        siteId: site.siteId,
        ...(fields.siteName !== undefined ? { siteName: fields.siteName } : {}),
        ...(fields.configuration ? { configuration: { ...fields.configuration } } : {}),
      }),
    });
  }
}

function withoutUndefined(configuration: SiteConfiguration): SiteConfiguration {
  return Object.fromEntries(
    Object.entries(configuration).filter(([, value]) => value !== undefined),
  ) as SiteConfiguration;
}
