import { unwrap, type BbwsClient, type Operation } from '@bbws/sdk';
import type { VersionFlags } from '../../runtime/command-options';
import { versionHeader } from '../../runtime/versioned-write';
import { SITE_FIELDS, type Site } from '../../views/site.view';
import type { FinalState } from '../operation-outcome';

export function readSite(client: BbwsClient, tenantId: string, siteId: string) {
  return client.sites.GET('/v1.0/tenants/{tenantId}/sites/{siteId}', {
    params: { path: { tenantId, siteId } },
  });
}

/** The If-Match of a write to the site: --if-match, else the version a fresh read finds. */
export function siteVersion(client: BbwsClient, flags: VersionFlags, tenantId: string, siteId: string) {
  return versionHeader(flags, () => readSite(client, tenantId, siteId));
}

/**
 * The site an operation made or changed, read once it completed: `resourceId` (the new site of a clone),
 * or `result.siteId` for a creation.
 */
export function finalSite(client: BbwsClient, tenantId: string): FinalState<Site> {
  return {
    read: (operation: Operation) => {
      const created = operation.result?.['siteId'];
      const siteId = typeof created === 'string' ? created : operation.resourceId;
      return unwrap(readSite(client, tenantId, siteId));
    },
    fields: SITE_FIELDS,
  };
}
