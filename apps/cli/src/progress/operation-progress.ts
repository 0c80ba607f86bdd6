import { SingleBar } from 'cli-progress';
import { waitForOperation, type Operation, type OperationRef } from '@bbws/sdk';
import type { CliContext } from '../runtime/cli-context';

export interface WaitFlags {
  /** Seconds; default 30 minutes. */
  timeout?: number;
  /** Milliseconds between reads; default 1000. */
  interval?: number;
}

/**
 * Waits for the operation, showing it on stderr: on a terminal a live bar with the current step and a
 * line per finished step; otherwise (pipes, CI) one line per change; nothing with --json.
 */
export async function waitWithProgress(
  context: CliContext,
  ref: OperationRef,
  flags: WaitFlags = {},
): Promise<Operation> {
  const stderr = context.io.stderr;
  const live = !context.output.json && Boolean(stderr.isTTY);
  const bar = live
    ? new SingleBar({
        stream: stderr as NodeJS.WriteStream,
        format: ' {bar} {percentage}% | {status} {step}',
        hideCursor: true,
        clearOnComplete: false,
        barsize: 30,
      })
    : undefined;
  const finishedSteps = new Set<string>();
  let started = false;
  const onProgress = (operation: Operation) => {
    if (context.output.json) return;
    if (!bar) {
      stderr.write(`${operation.status} ${operation.progress}% ${operation.currentStep ?? ''}\n`);
      return;
    }
    if (!started) {
      bar.start(100, 0, { status: operation.status, step: operation.currentStep ?? '' });
      started = true;
    }
    for (const step of operation.steps) {
      if (step.status === 'COMPLETED' && !finishedSteps.has(step.name)) {
        finishedSteps.add(step.name);
        stderr.write(`\r\x1b[K ✓ ${step.name}\n`);
      }
    }
    bar.update(operation.progress, { status: operation.status, step: operation.currentStep ?? '' });
  };
  try {
    return await waitForOperation(context.client, ref, {
      onProgress,
      timeoutMs: (flags.timeout ?? 1800) * 1000,
      intervalMs: flags.interval ?? 1000,
    });
  } finally {
    bar?.stop();
  }
}
