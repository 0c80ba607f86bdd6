import { errorFromResponse, type Operation, type OperationRef } from '@bbws/sdk';
import type { Column } from '../output/output';
import { OPERATION_FIELDS, reportOperation, resultIdOf } from '../output/operation-view';
import { waitWithProgress } from '../progress/operation-progress';
import type { CliContext } from '../runtime/cli-context';
import type { WaitCommandFlags } from '../runtime/command-options';

/** What a command prints after `--wait`: the resource the operation made or changed, read afresh. */
export interface FinalState<Row> {
  read: (operation: Operation) => Promise<Row>;
  /** The first field is the resource's id (what --quiet prints). */
  fields: Column<Row>[];
}

interface Accepted {
  data?: Operation;
  error?: unknown;
  response: Response;
}

/**
 * A command that started an operation (a 202): without --wait the operation (its id with --quiet); with
 * --wait its progress, then the final state of the resource (`final`), or when there is none to read
 * (a deletion) the operation itself (with --quiet the id resultIdOf names). FAILED/CANCELLED throw (exit 7).
 */
export async function reportOutcome<Row>(
  context: CliContext,
  accepted: Accepted,
  flags: WaitCommandFlags,
  final?: FinalState<Row>,
): Promise<void> {
  if (!flags.wait) {
    await reportOperation(context, accepted, flags);
    return;
  }
  if (!accepted.response.ok) throw errorFromResponse(accepted.response, accepted.error);
  const operation = await waitWithProgress(context, accepted as OperationRef, flags);
  if (final) {
    context.output.item(await final.read(operation), final.fields);
  } else if (context.output.quiet) {
    context.output.id(resultIdOf(operation));
  } else {
    context.output.item(operation, OPERATION_FIELDS);
  }
}
