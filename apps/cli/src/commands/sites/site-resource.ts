import { unwrap, type BbwsClient, type Operation } from '@bbws/sdk';
import type { VersionFlags } from '../../runtime/command-options';
import { versionHeader } from '../../runtime/versioned-write';
import { collectList } from '../../output/collect-list';
import { EXIT } from '../../runtime/exit-codes';
import { CliError } from '../../runtime/run-action';
import { BACKUP_COLUMNS, SITE_FIELDS, type Backup, type Site } from '../../views/site.view';
import type { FinalState } from '../operation-outcome';

export const BACKUPS = '/v1.0/tenants/{tenantId}/sites/{siteId}/backups';

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
 * The site an operation made or changed, read once it completed: the one `result[resultKey]` names (a
 * creation's `siteId`, a promotion's `targetSiteId`), else its `resourceId` (a clone's new site, a change).
 */
export function finalSite(
  client: BbwsClient,
  tenantId: string,
  resultKey: 'siteId' | 'targetSiteId' = 'siteId',
): FinalState<Site> {
  return {
    read: (operation: Operation) => {
      const named = operation.result?.[resultKey];
      const siteId = typeof named === 'string' ? named : operation.resourceId;
      return unwrap(readSite(client, tenantId, siteId));
    },
    fields: SITE_FIELDS,
  };
}

/** After a BACKUP: the backup that operation made (listed newest first, found by its operationId). */
export function finalBackup(client: BbwsClient, tenantId: string, siteId: string): FinalState<Backup> {
  return {
    read: async (operation: Operation) => {
      const backups = await collectList<Backup>({ limit: 100 }, (startAt, pageSize) =>
        client.sites.GET(BACKUPS, { params: { path: { tenantId, siteId }, query: { startAt, pageSize } } }),
      );
      const backup = backups.find((candidate) => candidate.operationId === operation.operationId);
      if (!backup) throw new CliError(`no backup of operation ${operation.operationId} listed`, EXIT.ERROR);
      return backup;
    },
    fields: BACKUP_COLUMNS,
  };
}
