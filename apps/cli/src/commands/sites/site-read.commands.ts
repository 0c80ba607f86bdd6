import type { Command } from 'commander';
import { unwrap } from '@bbws/sdk';
import { collectList } from '../../output/collect-list';
import { withListOptions, type ListFlags } from '../../runtime/command-options';
import type { CliIo } from '../../runtime/cli-io';
import { action } from '../../runtime/run-action';
import {
  HEALTH_CHECK_COLUMNS,
  SITE_COLUMNS,
  SITE_FIELDS,
  SITE_HEALTH_FIELDS,
  SITE_STATUS_FIELDS,
  type Site,
  type SiteStatus,
} from '../../views/site.view';
import { readSite } from './site-resource';

interface SiteListFlags extends ListFlags {
  env?: Site['environment'];
  status?: Site['status'];
}

export function registerSiteReadCommands(sites: Command, io: CliIo): void {
  withListOptions(
    sites
      .command('list <tenantId>')
      .description("the tenant's sites")
      .option('--env <environment>', 'DEV, SIT or PROD')
      .option('--status <status>', 'PROVISIONING, ACTIVE, FAILED, SUSPENDED, DEPROVISIONING or DELETED'),
  ).action(
    action(io, async ({ client, output }, tenantId: string, flags: SiteListFlags) => {
      const rows = await collectList<Site>(flags, (startAt, pageSize) =>
        client.sites.GET('/v1.0/tenants/{tenantId}/sites', {
          params: {
            path: { tenantId },
            query: { environment: flags.env, status: flags.status, startAt, pageSize },
          },
        }),
      );
      output.list(rows, SITE_COLUMNS);
    }),
  );

  sites
    .command('get <tenantId> <siteId>')
    .description('one site')
    .action(
      action(io, async ({ client, output }, tenantId: string, siteId: string) => {
        output.item(await unwrap(readSite(client, tenantId, siteId)), SITE_FIELDS);
      }),
    );

  sites
    .command('status <tenantId> <siteId>')
    .description("the site's status, health, last error and the running operation's progress")
    .action(
      action(io, async ({ client, output }, tenantId: string, siteId: string) => {
        const status: SiteStatus = await unwrap(
          client.sites.GET('/v1.0/tenants/{tenantId}/sites/{siteId}/status', {
            params: { path: { tenantId, siteId } },
          }),
        );
        output.item(status, SITE_STATUS_FIELDS);
      }),
    );

  sites
    .command('health <tenantId> <siteId>')
    .description('check the site now: its home page and WordPress Site Health')
    .action(
      action(io, async ({ client, output }, tenantId: string, siteId: string) => {
        const health = await unwrap(
          client.sites.GET('/v1.0/tenants/{tenantId}/sites/{siteId}/health', {
            params: { path: { tenantId, siteId } },
          }),
        );
        output.item(health, SITE_HEALTH_FIELDS);
        if (output.chatty) output.list(health.checks, HEALTH_CHECK_COLUMNS);
      }),
    );
}
