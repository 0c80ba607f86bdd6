import type { Command } from 'commander';
import {
  idempotencyHeader,
  repeatable,
  withIdempotencyKey,
  withIfMatch,
  withWaitOptions,
  type IdempotencyFlags,
  type VersionFlags,
  type WaitCommandFlags,
} from '../../runtime/command-options';
import type { CliIo } from '../../runtime/cli-io';
import { action } from '../../runtime/run-action';
import { reportOutcome } from '../operation-outcome';
import { finalSite, siteVersion } from './site-resource';
import { createSiteBody, siteStatusBody, updateSiteBody, type CreateSiteFlags } from './site-requests';

type WriteFlags = WaitCommandFlags & VersionFlags;
const SITE = '/v1.0/tenants/{tenantId}/sites/{siteId}';
const SITE_STATUS = '/v1.0/tenants/{tenantId}/sites/{siteId}/status';

export function registerSiteLifecycleCommands(sites: Command, io: CliIo): void {
  withIdempotencyKey(
    withWaitOptions(
      sites
        .command('create <tenantId>')
        .description("a new site on the tenant's ACTIVE instance of the environment (SITE_CREATION)")
        .requiredOption('--name <siteName>', 'site name')
        .requiredOption('--subdomain <subdomain>', 'unique platform-wide, 3-63 of a-z 0-9 -')
        .option('--env <environment>', 'DEV (default), SIT or PROD')
        .option('--template <templateId>', 'a PUBLISHED template')
        .option('--plugin <pluginId>', 'a catalogue plugin, installed and activated (repeatable)', repeatable)
        .option('--admin-email <email>', "the WordPress site admin's email"),
    ),
  ).action(
    action(
      io,
      async (context, tenantId: string, flags: CreateSiteFlags & WaitCommandFlags & IdempotencyFlags) => {
        const accepted = await context.client.sites.POST('/v1.0/tenants/{tenantId}/sites', {
          params: { path: { tenantId }, header: idempotencyHeader(flags) },
          body: createSiteBody(flags),
        });
        await reportOutcome(context, accepted, flags, finalSite(context.client, tenantId));
      },
    ),
  );

  withIfMatch(
    withWaitOptions(
      sites
        .command('update <tenantId> <siteId>')
        .description('change the name and settings (title, tagline, timezone, language) of an ACTIVE site')
        .option('--name <siteName>', 'new site name')
        .option(
          '--set <key=value>',
          'a setting: title, tagline, timezone or language (repeatable)',
          repeatable,
        ),
    ),
  ).action(
    action(
      io,
      async (
        context,
        tenantId: string,
        siteId: string,
        flags: WriteFlags & { name?: string; set?: string[] },
      ) => {
        const body = updateSiteBody(flags);
        const accepted = await context.client.sites.PATCH(SITE, {
          params: {
            path: { tenantId, siteId },
            header: await siteVersion(context.client, flags, tenantId, siteId),
          },
          body,
        });
        await reportOutcome(context, accepted, flags, finalSite(context.client, tenantId));
      },
    ),
  );

  withIfMatch(
    withWaitOptions(
      sites
        .command('suspend <tenantId> <siteId>')
        .description('suspend an ACTIVE site: its URL answers 410 (SITE_STATUS_CHANGE)')
        .requiredOption('--reason <reason>', 'why (kept on the operation)'),
    ),
  ).action(
    action(io, async (context, tenantId: string, siteId: string, flags: WriteFlags & { reason: string }) => {
      const accepted = await context.client.sites.PUT(SITE_STATUS, {
        params: {
          path: { tenantId, siteId },
          header: await siteVersion(context.client, flags, tenantId, siteId),
        },
        body: siteStatusBody('SUSPENDED', flags.reason),
      });
      await reportOutcome(context, accepted, flags, finalSite(context.client, tenantId));
    }),
  );

  withIfMatch(
    withWaitOptions(
      sites
        .command('resume <tenantId> <siteId>')
        .description('make a SUSPENDED site (or a soft-deleted PROD site) ACTIVE again')
        .option('--reason <reason>', 'why (kept on the operation)'),
    ),
  ).action(
    action(io, async (context, tenantId: string, siteId: string, flags: WriteFlags & { reason?: string }) => {
      const accepted = await context.client.sites.PUT(SITE_STATUS, {
        params: {
          path: { tenantId, siteId },
          header: await siteVersion(context.client, flags, tenantId, siteId),
        },
        body: siteStatusBody('ACTIVE', flags.reason),
      });
      await reportOutcome(context, accepted, flags, finalSite(context.client, tenantId));
    }),
  );

  withIfMatch(
    withWaitOptions(
      sites
        .command('retry <tenantId> <siteId>')
        .description('re-run the failed creation or clone of a FAILED site'),
    ),
  ).action(
    action(io, async (context, tenantId: string, siteId: string, flags: WriteFlags) => {
      const accepted = await context.client.sites.POST('/v1.0/tenants/{tenantId}/sites/{siteId}/retry', {
        params: {
          path: { tenantId, siteId },
          header: await siteVersion(context.client, flags, tenantId, siteId),
        },
      });
      await reportOutcome(context, accepted, flags, finalSite(context.client, tenantId));
    }),
  );

  withIfMatch(
    withWaitOptions(
      sites
        .command('delete <tenantId> <siteId>')
        .description('delete the site (a PRE_DELETE backup is kept; PROD: soft-deleted 24 h unless --force)')
        .option('--force', 'PROD: delete at once (tenant ADMINs)'),
    ),
  ).action(
    action(io, async (context, tenantId: string, siteId: string, flags: WriteFlags & { force?: boolean }) => {
      const accepted = await context.client.sites.DELETE(SITE, {
        params: {
          path: { tenantId, siteId },
          query: flags.force ? { force: 'true' } : undefined,
          header: await siteVersion(context.client, flags, tenantId, siteId),
        },
      });
      await reportOutcome(context, accepted, flags);
    }),
  );
}
