import { errorFromResponse, type Operation, type OperationRef } from '@bbws/sdk';
import type { CliContext } from '../runtime/cli-context';
import { waitWithProgress, type WaitFlags } from '../progress/operation-progress';
import type { Column } from './output';

export const OPERATION_FIELDS: Column<Operation>[] = [
  { header: 'operationId', value: (op) => op.operationId },
  { header: 'type', value: (op) => op.type },
  { header: 'status', value: (op) => op.status },
  { header: 'progress', value: (op) => `${op.progress}%` },
  { header: 'currentStep', value: (op) => op.currentStep },
  { header: 'resource', value: (op) => `${op.resourceType} ${op.resourceId}` },
  { header: 'error', value: (op) => (op.error ? `${op.error.code}: ${op.error.message}` : '') },
  { header: 'result', value: (op) => op.result },
];

/** The operations that create a resource other than the one they run on, and where its id is. */
const CREATED_ID_KEYS: Record<string, string> = { SITE_CLONE: 'targetSiteId', BACKUP: 'backupId' };

/**
 * What `--quiet --wait` prints for a finished operation: the id of what it created (a clone's new site, a
 * backup) from `result`, else the resource it ran on (a created site or instance, a suspended tenant).
 */
export function resultIdOf(operation: Operation): string {
  const key = CREATED_ID_KEYS[operation.type];
  const created = key ? operation.result?.[key] : undefined;
  return typeof created === 'string' ? created : operation.resourceId;
}

/**
 * What a command that starts an operation (a 202) prints: the operation at once, or with `--wait` its
 * progress and then its final state (a FAILED one throws: exit code 7). With --quiet: the operation's id,
 * or with `--wait` the id of the resource (see resultIdOf).
 */
export async function reportOperation(
  context: CliContext,
  accepted: { data?: Operation; error?: unknown; response: Response },
  flags: WaitFlags & { wait?: boolean },
): Promise<Operation> {
  if (!accepted.response.ok) throw errorFromResponse(accepted.response, accepted.error);
  const operation = accepted.data as Operation;
  if (!flags.wait) {
    context.output.item(operation, OPERATION_FIELDS);
    context.output.note(`follow it: bbws operations watch ${operation.operationId}`);
    return operation;
  }
  const final = await waitWithProgress(context, accepted as OperationRef, flags);
  if (context.output.quiet) context.output.id(resultIdOf(final));
  else context.output.item(final, OPERATION_FIELDS);
  return final;
}
