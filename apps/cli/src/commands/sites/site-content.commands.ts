import type { Command } from 'commander';
import { unwrap, type BbwsClient, type Operation } from '@bbws/sdk';
import { collectList } from '../../output/collect-list';
import {
  idempotencyHeader,
  withIdempotencyKey,
  withIfMatch,
  withListOptions,
  withWaitOptions,
  type IdempotencyFlags,
  type ListFlags,
  type VersionFlags,
  type WaitCommandFlags,
} from '../../runtime/command-options';
import type { CliIo } from '../../runtime/cli-io';
import { EXIT } from '../../runtime/exit-codes';
import { action, CliError } from '../../runtime/run-action';
import { BACKUP_COLUMNS, SITE_FIELDS, type Backup, type Site } from '../../views/site.view';
import type { FinalState } from '../operation-outcome';
import { reportOutcome } from '../operation-outcome';
import { finalSite, readSite, siteVersion } from './site-resource';
import { cloneSiteBody, promoteSiteBody } from './site-requests';

type WriteFlags = WaitCommandFlags & VersionFlags;
const BACKUPS = '/v1.0/tenants/{tenantId}/sites/{siteId}/backups';

/** After a promotion: the target site (`result.targetSiteId`), which the promotion may have created. */
function promotedSite(client: BbwsClient, tenantId: string): FinalState<Site> {
  return {
    read: (operation: Operation) => {
      const target = operation.result?.['targetSiteId'];
      const siteId = typeof target === 'string' ? target : operation.resourceId;
      return unwrap(readSite(client, tenantId, siteId));
    },
    fields: SITE_FIELDS,
  };
}

/** After a BACKUP: the backup that operation made (listed newest first, found by its operationId). */
function finalBackup(client: BbwsClient, tenantId: string, siteId: string): FinalState<Backup> {
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

export function registerSiteContentCommands(sites: Command, io: CliIo): void {
  withIdempotencyKey(
    withWaitOptions(
      sites
        .command('clone <tenantId> <siteId>')
        .description('copy an ACTIVE site (content, plugins, template) to a new site (SITE_CLONE)')
        .requiredOption('--name <siteName>', "the copy's name")
        .requiredOption('--subdomain <subdomain>', "the copy's subdomain")
        .option('--env <environment>', "DEV, SIT or PROD (default: the source's)"),
    ),
  ).action(
    action(
      io,
      async (
        context,
        tenantId: string,
        siteId: string,
        flags: WaitCommandFlags & IdempotencyFlags & { name: string; subdomain: string; env?: string },
      ) => {
        const accepted = await context.client.sites.POST('/v1.0/tenants/{tenantId}/sites/{siteId}/clone', {
          params: { path: { tenantId, siteId }, header: idempotencyHeader(flags) },
          body: cloneSiteBody(flags),
        });
        await reportOutcome(context, accepted, flags, finalSite(context.client, tenantId));
      },
    ),
  );

  withIfMatch(
    withWaitOptions(
      sites
        .command('promote <tenantId> <siteId>')
        .description('copy the site to the next environment: DEV → SIT → PROD (SITE_PROMOTION)')
        .requiredOption('--to <environment>', 'SIT or PROD'),
    ),
  ).action(
    action(io, async (context, tenantId: string, siteId: string, flags: WriteFlags & { to: string }) => {
      const header = await siteVersion(context.client, flags, tenantId, siteId);
      const accepted = await context.client.sites.POST('/v1.0/tenants/{tenantId}/sites/{siteId}/promote', {
        params: { path: { tenantId, siteId }, header },
        body: promoteSiteBody(flags),
      });
      await reportOutcome(context, accepted, flags, promotedSite(context.client, tenantId));
    }),
  );

  withIdempotencyKey(
    withWaitOptions(
      sites
        .command('backup <tenantId> <siteId>')
        .description('back the site up: database and uploads (BACKUP)')
        .option('--reason <reason>', 'why (kept on the operation)'),
    ),
  ).action(
    action(
      io,
      async (
        context,
        tenantId: string,
        siteId: string,
        flags: WaitCommandFlags & IdempotencyFlags & { reason?: string },
      ) => {
        const accepted = await context.client.sites.POST(BACKUPS, {
          params: { path: { tenantId, siteId }, header: idempotencyHeader(flags) },
          body: flags.reason === undefined ? {} : { reason: flags.reason },
        });
        await reportOutcome(context, accepted, flags, finalBackup(context.client, tenantId, siteId));
      },
    ),
  );

  withListOptions(
    sites.command('backups <tenantId> <siteId>').description("the site's backups, newest first"),
  ).action(
    action(io, async ({ client, output }, tenantId: string, siteId: string, flags: ListFlags) => {
      const rows = await collectList<Backup>(flags, (startAt, pageSize) =>
        client.sites.GET(BACKUPS, { params: { path: { tenantId, siteId }, query: { startAt, pageSize } } }),
      );
      output.list(rows, BACKUP_COLUMNS);
    }),
  );

  withIfMatch(
    withWaitOptions(
      sites
        .command('restore <tenantId> <siteId> <backupId>')
        .description('put the site back to a COMPLETED backup (a PRE_RESTORE backup is taken first)'),
    ),
  ).action(
    action(io, async (context, tenantId: string, siteId: string, backupId: string, flags: WriteFlags) => {
      const header = await siteVersion(context.client, flags, tenantId, siteId);
      const accepted = await context.client.sites.POST(`${BACKUPS}/{backupId}/restore`, {
        params: { path: { tenantId, siteId, backupId }, header },
      });
      await reportOutcome(context, accepted, flags, finalSite(context.client, tenantId));
    }),
  );
}
