import type { Command } from 'commander';
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
import { action } from '../../runtime/run-action';
import { BACKUP_COLUMNS, type Backup } from '../../views/site.view';
import { reportOutcome } from '../operation-outcome';
import { BACKUPS, finalBackup, finalSite, siteVersion } from './site-resource';
import { cloneSiteBody, promoteSiteBody } from './site-requests';

type WriteFlags = WaitCommandFlags & VersionFlags;

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
      await reportOutcome(context, accepted, flags, finalSite(context.client, tenantId, 'targetSiteId'));
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
