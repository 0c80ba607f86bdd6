import type { Command } from 'commander';
import { paginate, unwrap, type TenantsSchemas } from '@bbws/sdk';
import type { Column } from '../output/output';
import type { CliIo } from '../runtime/cli-io';
import { action } from '../runtime/run-action';

type Tenant = TenantsSchemas['schemas']['TenantResponseDto'];

const TENANT_COLUMNS: Column<Tenant>[] = [
  { header: 'tenantId', value: (tenant) => tenant.tenantId },
  { header: 'organizationName', value: (tenant) => tenant.organizationName },
  { header: 'status', value: (tenant) => tenant.status },
  { header: 'contactEmail', value: (tenant) => tenant.contactEmail },
];

export function registerTenantsCommands(program: Command, io: CliIo): void {
  const tenants = program.command('tenants').description('tenants (platform admins create them)');

  tenants
    .command('list')
    .description('every tenant you may see (all of them for platform admins)')
    .option('--status <status>', 'PENDING, ACTIVE, SUSPENDED, PARKED, FAILED or DEPROVISIONED')
    .option('--name <prefix>', 'organisation name prefix')
    .action(
      action(io, async ({ client, output }, flags: { status?: Tenant['status']; name?: string }) => {
        const rows: Tenant[] = [];
        const pages = paginate((startAt) =>
          client.tenants.GET('/v1.0/tenants', {
            params: { query: { status: flags.status, name: flags.name, startAt, pageSize: 100 } },
          }),
        );
        for await (const tenant of pages) rows.push(tenant as Tenant);
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
        output.item(tenant, TENANT_COLUMNS);
      }),
    );

  tenants
    .command('create')
    .description('a new tenant (platform admins)')
    .requiredOption('--name <organizationName>', 'organisation name')
    .requiredOption('--email <contactEmail>', 'contact email')
    .option('--idempotency-key <key>', 'replay-safe key (default: a new one per call)')
    .action(
      action(
        io,
        async ({ client, output }, flags: { name: string; email: string; idempotencyKey?: string }) => {
          const tenant = await unwrap(
            client.tenants.POST('/v1.0/tenants', {
              params: {
                header: flags.idempotencyKey ? { 'Idempotency-Key': flags.idempotencyKey } : undefined,
              },
              body: { organizationName: flags.name, contactEmail: flags.email },
            }),
          );
          output.item(tenant, TENANT_COLUMNS);
        },
      ),
    );
}
