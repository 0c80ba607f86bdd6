import type { Command } from 'commander';
import { unwrap, type BbwsClient, type Operation } from '@bbws/sdk';
import { reportOperation } from '../../output/operation-view';
import type { CliIo } from '../../runtime/cli-io';
import {
  idempotencyHeader,
  withIdempotencyKey,
  withIfMatch,
  withWaitOptions,
  type IdempotencyFlags,
  type VersionFlags,
  type WaitCommandFlags,
} from '../../runtime/command-options';
import { action, CliError } from '../../runtime/run-action';
import { EXIT } from '../../runtime/exit-codes';
import { versionHeader } from '../../runtime/versioned-write';
import { TENANT_FIELDS, type Tenant, type TenantStatus, type TenantTier } from '../../views/tenant.view';

type OperationAnswer = { data?: Operation; error?: unknown; response: Response };

const readTenant = (client: BbwsClient, tenantId: string) => () =>
  client.tenants.GET('/v1.0/tenants/{tenantId}', { params: { path: { tenantId } } });

/** tenants create, update, status and delete. */
export function registerTenantWriteCommands(tenants: Command, io: CliIo): void {
  withIdempotencyKey(
    tenants
      .command('create')
      .description('a new tenant, PENDING until its first instance is ACTIVE (platform admins)')
      .requiredOption('--name <organizationName>', 'organisation name (unique on the platform)')
      .requiredOption('--email <contactEmail>', 'contact email')
      .option('--tier <tier>', 'STANDARD (default), PROFESSIONAL or ENTERPRISE'),
  ).action(
    action(
      io,
      async (
        { client, output },
        flags: IdempotencyFlags & { name: string; email: string; tier?: TenantTier },
      ) => {
        const tenant = await unwrap(
          client.tenants.POST('/v1.0/tenants', {
            params: { header: idempotencyHeader(flags) },
            body: { organizationName: flags.name, contactEmail: flags.email, tier: flags.tier },
          }),
        );
        output.item(tenant, TENANT_FIELDS);
      },
    ),
  );

  withIfMatch(
    tenants
      .command('update <tenantId>')
      .description("change a tenant's name, contact email or tier (ADMIN)")
      .option('--name <organizationName>', 'organisation name')
      .option('--email <contactEmail>', 'contact email')
      .option('--tier <tier>', 'STANDARD, PROFESSIONAL or ENTERPRISE'),
  ).action(
    action(
      io,
      async (
        { client, output },
        tenantId: string,
        flags: VersionFlags & { name?: string; email?: string; tier?: TenantTier },
      ) => {
        if (flags.name === undefined && flags.email === undefined && flags.tier === undefined) {
          throw new CliError('nothing to change: give --name, --email or --tier', EXIT.USAGE);
        }
        const header = await versionHeader(flags, readTenant(client, tenantId));
        const tenant = await unwrap(
          client.tenants.PATCH('/v1.0/tenants/{tenantId}', {
            params: { path: { tenantId }, header },
            body: { organizationName: flags.name, contactEmail: flags.email, tier: flags.tier },
          }),
        );
        output.item(tenant, TENANT_FIELDS);
      },
    ),
  );

  withIfMatch(
    tenants
      .command('status <tenantId> <status>')
      .description('override the status through the transition rules (platform admins)')
      .option('--reason <reason>', 'why (kept in the audit log)'),
  ).action(
    action(
      io,
      async (
        { client, output },
        tenantId: string,
        status: string,
        flags: VersionFlags & { reason?: string },
      ) => {
        const header = await versionHeader(flags, readTenant(client, tenantId));
        const tenant = await unwrap(
          client.tenants.PATCH('/v1.0/tenants/{tenantId}/status', {
            params: { path: { tenantId }, header },
            body: { status: status.toUpperCase() as TenantStatus, reason: flags.reason },
          }),
        );
        output.item(tenant, TENANT_FIELDS);
      },
    ),
  );

  withWaitOptions(
    withIfMatch(
      tenants
        .command('delete <tenantId>')
        .description('deprovision a tenant: all its instances, then DEPROVISIONED (platform admins)')
        .option('--force', 'even while it has instances or sites'),
    ),
  ).action(
    action(
      io,
      async (context, tenantId: string, flags: VersionFlags & WaitCommandFlags & { force?: boolean }) => {
        const header = await versionHeader(flags, readTenant(context.client, tenantId));
        const accepted = await context.client.tenants.DELETE('/v1.0/tenants/{tenantId}', {
          params: { path: { tenantId }, header, query: flags.force ? { force: true } : undefined },
        });
        if (accepted.response.status === 202) {
          await reportOperation(context, accepted as OperationAnswer, flags);
          return;
        }
        // Without instances the tenant is DEPROVISIONED at once (200).
        context.output.item((await unwrap(accepted)) as Tenant, TENANT_FIELDS);
      },
    ),
  );
}
