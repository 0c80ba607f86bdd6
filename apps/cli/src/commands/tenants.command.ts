import type { Command } from 'commander';
import { unwrap } from '@bbws/sdk';
import { collectList } from '../output/collect-list';
import type { CliIo } from '../runtime/cli-io';
import { withListOptions, type ListFlags } from '../runtime/command-options';
import { action } from '../runtime/run-action';
import {
  AUDIT_COLUMNS,
  hierarchyLines,
  TENANT_COLUMNS,
  TENANT_FIELDS,
  type AuditEvent,
  type HierarchyDivision,
  type Tenant,
  type TenantStatus,
} from '../views/tenant.view';
import { registerTenantLifecycleCommands } from './tenants/tenant-lifecycle.commands';
import { registerTenantWriteCommands } from './tenants/tenant-writes.commands';

export function registerTenantsCommands(program: Command, io: CliIo): void {
  const tenants = program.command('tenants').description('tenants (platform admins create them)');

  withListOptions(
    tenants
      .command('list')
      .description('every tenant you may see (all of them for platform admins)')
      .option('--status <status>', 'PENDING, ACTIVE, SUSPENDED, PARKED, FAILED or DEPROVISIONED')
      .option('--name <prefix>', 'organisation name prefix'),
  ).action(
    action(io, async ({ client, output }, flags: ListFlags & { status?: TenantStatus; name?: string }) => {
      const rows = await collectList<Tenant>(flags, (startAt, pageSize) =>
        client.tenants.GET('/v1.0/tenants', {
          params: { query: { status: flags.status, name: flags.name, startAt, pageSize } },
        }),
      );
      output.list(rows, TENANT_COLUMNS);
    }),
  );

  tenants
    .command('get <tenantId>')
    .description('one tenant')
    .action(
      action(io, async ({ client, output }, tenantId: string) => {
        const tenant = await unwrap(
          client.tenants.GET('/v1.0/tenants/{tenantId}', { params: { path: { tenantId } } }),
        );
        output.item(tenant, TENANT_FIELDS);
      }),
    );

  registerTenantWriteCommands(tenants, io);
  registerTenantLifecycleCommands(tenants, io);

  withListOptions(
    tenants.command('audit <tenantId>').description("the tenant's audit events, newest first (ADMIN)"),
  ).action(
    action(io, async ({ client, output }, tenantId: string, flags: ListFlags) => {
      const events = await collectList<AuditEvent>(flags, (startAt, pageSize) =>
        client.tenants.GET('/v1.0/tenants/{tenantId}/audit', {
          params: { path: { tenantId }, query: { startAt, pageSize } },
        }),
      );
      output.list(events, AUDIT_COLUMNS);
    }),
  );

  tenants
    .command('hierarchy <tenantId>')
    .description('divisions > groups > teams, with member counts per team')
    .action(
      action(io, async ({ client, output }, tenantId: string) => {
        const tree = await unwrap(
          client.tenants.GET('/v1.0/tenants/{tenantId}/hierarchy', { params: { path: { tenantId } } }),
        );
        if (output.json) return output.raw(tree);
        if (output.quiet) return output.id(tree.tenantId);
        const lines = hierarchyLines(tree.divisions as unknown as HierarchyDivision[]);
        if (lines.length === 0) output.note('(no divisions)');
        for (const line of lines) output.line(line);
      }),
    );
}
