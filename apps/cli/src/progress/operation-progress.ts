import { SingleBar } from 'cli-progress';
import { waitForOperation, type Operation, type OperationRef } from '@bbws/sdk';
import type { CliContext } from '../runtime/cli-context';

export interface WaitFlags {
  /** Seconds; default 30 minutes. */
  timeout?: number;
  /** Milliseconds between reads; default 1000. */
  interval?: number;
}

interface ProgressView {
  update(operation: Operation): void;
  end(operation: Operation | undefined): void;
}

const stepMark = (status: string) => (status === 'COMPLETED' ? '✓' : '✗');

function finalLine(operation: Operation): string {
  const mark = operation.status === 'COMPLETED' ? '✓' : '✗';
  const error = operation.error ? `: ${operation.error.code}: ${operation.error.message}` : '';
  return `${mark} ${operation.type} ${operation.operationId} ${operation.status}${error}`;
}

/** On a terminal: a live bar with the current step, a ✓ line per finished step, then the final status. */
function liveView(stderr: NodeJS.WriteStream): ProgressView {
  const bar = new SingleBar({
    stream: stderr,
    format: ' {bar} {percentage}% | {status} {step}',
    hideCursor: true,
    clearOnComplete: true,
    barsize: 30,
  });
  const reported = new Set<string>();
  let started = false;
  const reportSteps = (operation: Operation) => {
    for (const step of operation.steps) {
      if ((step.status === 'COMPLETED' || step.status === 'FAILED') && !reported.has(step.name)) {
        reported.add(step.name);
        // Clears the bar's line, writes the step above it; the bar redraws on the next update.
        stderr.write(`\r\x1b[K ${stepMark(step.status)} ${step.name}\n`);
      }
    }
  };
  return {
    update(operation) {
      const payload = { status: operation.status, step: operation.currentStep ?? '' };
      if (!started) {
        bar.start(100, operation.progress, payload);
        started = true;
      }
      reportSteps(operation);
      bar.update(operation.progress, payload);
    },
    end(operation) {
      if (started) bar.stop();
      if (operation) {
        reportSteps(operation);
        stderr.write(`${finalLine(operation)}\n`);
      }
    },
  };
}

/** Without a terminal (pipes, CI): one line per change of status, progress or step. */
function lineView(stderr: NodeJS.WritableStream): ProgressView {
  return {
    update(operation) {
      stderr.write(
        `${operation.status} ${operation.progress}% ${operation.currentStep ?? ''}`.trimEnd() + '\n',
      );
    },
    end() {
      // The last change already said how it ended.
    },
  };
}

const silentView: ProgressView = { update: () => undefined, end: () => undefined };

function viewFor(context: CliContext): ProgressView {
  const stderr = context.io.stderr;
  if (context.output.json) return silentView;
  if (stderr.isTTY) return liveView(stderr as NodeJS.WriteStream);
  return context.output.quiet ? silentView : lineView(stderr);
}

/**
 * Waits for the operation, showing it on stderr (stdout is left to the command's result): on a terminal a
 * live bar (kept with --quiet, which only keeps stdout to the id); otherwise one line per change; nothing
 * with --json. Resolves to the COMPLETED operation; FAILED, CANCELLED and the timeout throw (exit 7, 9).
 */
export async function waitWithProgress(
  context: CliContext,
  ref: OperationRef,
  flags: WaitFlags = {},
): Promise<Operation> {
  const view = viewFor(context);
  let last: Operation | undefined;
  try {
    last = await waitForOperation(context.client, ref, {
      onProgress: (operation) => {
        last = operation;
        view.update(operation);
      },
      timeoutMs: (flags.timeout ?? 1800) * 1000,
      intervalMs: flags.interval ?? 1000,
    });
    return last;
  } finally {
    view.end(last);
  }
}
