import type { Command } from 'commander';
import { unwrap } from '@bbws/sdk';
import {
  idempotencyHeader,
  withIdempotencyKey,
  wholeNumber,
  withWaitOptions,
  type IdempotencyFlags,
  type WaitCommandFlags,
} from '../runtime/command-options';
import type { CliIo } from '../runtime/cli-io';
import { action } from '../runtime/run-action';
import { reportOutcome } from './operation-outcome';
import {
  INSTANCE_COLUMNS,
  INSTANCE_FIELDS,
  INSTANCE_STATUS_FIELDS,
  type Instance,
} from '../views/instance.view';
import { registerInstanceActionCommands } from './instances/instance-action.commands';
import { createInstanceBody } from './instances/instance-requests';
import { finalInstance, readInstance } from './instances/instance-resource';

interface CreateInstanceFlags extends WaitCommandFlags, IdempotencyFlags {
  env: string;
  tier?: string;
  count?: number;
}

export function registerInstancesCommands(program: Command, io: CliIo): void {
  const instances = program
    .command('instances')
    .description("a tenant's WordPress instances, one per environment (platform admins change them)");

  instances
    .command('list <tenantId>')
    .description("the tenant's instances")
    .action(
      action(io, async ({ client, output }, tenantId: string) => {
        const list = await unwrap(
          client.instances.GET('/v1.0/tenants/{tenantId}/instances', { params: { path: { tenantId } } }),
        );
        output.list<Instance>(list.items, INSTANCE_COLUMNS);
      }),
    );

  instances
    .command('get <tenantId> <instanceId>')
    .description('one instance')
    .action(
      action(io, async ({ client, output }, tenantId: string, instanceId: string) => {
        output.item(await unwrap(readInstance(client, tenantId, instanceId)), INSTANCE_FIELDS);
      }),
    );

  instances
    .command('status <tenantId> <instanceId>')
    .description("the instance's runtime: tasks running and pending, health, last event")
    .action(
      action(io, async ({ client, output }, tenantId: string, instanceId: string) => {
        const status = await unwrap(
          client.instances.GET('/v1.0/tenants/{tenantId}/instances/{instanceId}/status', {
            params: { path: { tenantId, instanceId } },
          }),
        );
        output.item(status, INSTANCE_STATUS_FIELDS);
      }),
    );

  withIdempotencyKey(
    withWaitOptions(
      instances
        .command('create <tenantId>')
        .description('provision an instance in an environment: GitOps commit, workflow, runtime')
        .requiredOption('--env <environment>', 'DEV, SIT or PROD')
        .option('--tier <tier>', 'STANDARD (default), PROFESSIONAL or ENTERPRISE')
        .option('--count <tasks>', "tasks to run (default: the tier's; at least 2 in PROD)", wholeNumber(1)),
    ),
  ).action(
    action(io, async (context, tenantId: string, flags: CreateInstanceFlags) => {
      const accepted = await context.client.instances.POST('/v1.0/tenants/{tenantId}/instances', {
        params: { path: { tenantId }, header: idempotencyHeader(flags) },
        body: createInstanceBody(flags),
      });
      await reportOutcome(context, accepted, flags, finalInstance(context.client, tenantId));
    }),
  );

  registerInstanceActionCommands(instances, io);
}
