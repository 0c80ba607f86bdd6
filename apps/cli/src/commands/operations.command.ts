import type { Command } from 'commander';
import { unwrap, type Operation } from '@bbws/sdk';
import { collectList } from '../output/collect-list';
import { OPERATION_FIELDS } from '../output/operation-view';
import type { Column } from '../output/output';
import { waitWithProgress } from '../progress/operation-progress';
import type { CliIo } from '../runtime/cli-io';
import {
  withListOptions,
  withTimeoutOptions,
  type ListFlags,
  type WaitCommandFlags,
} from '../runtime/command-options';
import { action } from '../runtime/run-action';

const OPERATION_COLUMNS: Column<Operation>[] = [
  { header: 'operationId', value: (op) => op.operationId },
  { header: 'type', value: (op) => op.type },
  { header: 'status', value: (op) => op.status },
  { header: 'progress', value: (op) => `${op.progress}%` },
  { header: 'resource', value: (op) => `${op.resourceType} ${op.resourceId}` },
  { header: 'createdAt', value: (op) => op.createdAt },
];

const STEP_COLUMNS: Column<Operation['steps'][number]>[] = [
  { header: 'step', value: (step) => step.name },
  { header: 'status', value: (step) => step.status },
  { header: 'startedAt', value: (step) => step.startedAt },
  { header: 'completedAt', value: (step) => step.completedAt },
];

type OperationStatus = Operation['status'];

export function registerOperationsCommands(program: Command, io: CliIo): void {
  const operations = program.command('operations').description('long-running operations and their steps');

  withListOptions(
    operations
      .command('list <tenantId>')
      .description("the tenant's operations, newest first")
      .option('--status <status>', 'PENDING, IN_PROGRESS, COMPLETED, FAILED or CANCELLED')
      .option('--type <type>', 'e.g. SITE_CREATION, TENANT_SUSPEND')
      .option('--resource <resourceId>', 'operations on this resource'),
  ).action(
    action(
      io,
      async (
        { client, output },
        tenantId: string,
        flags: ListFlags & { status?: string; type?: string; resource?: string },
      ) => {
        const rows = await collectList<Operation>(flags, (startAt, pageSize) =>
          client.operations.GET('/v1.0/tenants/{tenantId}/operations', {
            params: {
              path: { tenantId },
              query: {
                startAt,
                pageSize,
                status: flags.status?.toUpperCase() as OperationStatus | undefined,
                type: flags.type,
                resourceId: flags.resource,
              },
            },
          }),
        );
        output.list(rows, OPERATION_COLUMNS);
      },
    ),
  );

  operations
    .command('get <operationId>')
    .description('one operation with its steps')
    .action(
      action(io, async ({ client, output }, operationId: string) => {
        const operation = await unwrap(
          client.operations.GET('/v1.0/operations/{operationId}', { params: { path: { operationId } } }),
        );
        output.item(operation, OPERATION_FIELDS);
        if (output.chatty && operation.steps.length > 0) output.list(operation.steps, STEP_COLUMNS);
      }),
    );

  withTimeoutOptions(
    operations
      .command('watch <operationId>')
      .description(
        'follow an operation live (steps and progress) to its end: exit 0 COMPLETED, 7 FAILED/CANCELLED',
      ),
  ).action(
    action(io, async (context, operationId: string, flags: WaitCommandFlags) => {
      const final = await waitWithProgress(context, operationId, flags);
      context.output.item(final, OPERATION_FIELDS);
    }),
  );

  operations
    .command('cancel <operationId>')
    .description('cancel an operation that has not started yet (ADMIN)')
    .action(
      action(io, async ({ client, output }, operationId: string) => {
        const operation = await unwrap(
          client.operations.POST('/v1.0/operations/{operationId}/cancel', {
            params: { path: { operationId } },
          }),
        );
        output.item(operation, OPERATION_FIELDS);
      }),
    );
}
