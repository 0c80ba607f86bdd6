import { MultiBar, type SingleBar } from 'cli-progress';
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

/**
 * On a terminal: a live bar with the current step, a ✓ line per finished step, then the final status.
 * The step lines go through MultiBar.log (printed above the bar): a SingleBar returns on stop to the
 * cursor position it saved at start, and what follows would overwrite the step lines.
 */
function liveView(stderr: NodeJS.WriteStream): ProgressView {
  const bars = new MultiBar({
    stream: stderr,
    format: ' {bar} {percentage}% | {status} {step}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: true,
    barsize: 30,
  });
  let bar: SingleBar | undefined;
  const reported = new Set<string>();
  const reportSteps = (operation: Operation, write: (line: string) => void) => {
    for (const step of operation.steps) {
      if ((step.status === 'COMPLETED' || step.status === 'FAILED') && !reported.has(step.name)) {
        reported.add(step.name);
        write(` ${stepMark(step.status)} ${step.name}\n`);
      }
    }
  };
  return {
    update(operation) {
      const payload = { status: operation.status, step: operation.currentStep ?? '' };
      reportSteps(operation, (line) => bars.log(line));
      if (bar) bar.update(operation.progress, payload);
      else bar = bars.create(100, operation.progress, payload);
      bars.update();
    },
    end(operation) {
      if (bar) {
        if (operation) reportSteps(operation, (line) => bars.log(line));
        bars.update();
        bars.stop();
      } else if (operation) reportSteps(operation, (line) => stderr.write(line));
      if (operation) stderr.write(`${finalLine(operation)}\n`);
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
