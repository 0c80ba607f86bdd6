import { InvalidArgumentError, Option, type Command } from 'commander';

/** A whole number ≥ `min` from the command line; anything else is a usage error (exit 2). */
export function wholeNumber(min: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min) {
      throw new InvalidArgumentError(`expected a whole number ≥ ${min}`);
    }
    return number;
  };
}

/** Collects a repeatable option (`--team a --team b`) into an array. */
export const repeatable = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `--limit <n>` (default 100) and `--all`: how many items a list command fetches (see collectList). */
export interface ListFlags {
  limit: number;
  all?: boolean;
  /** Items per request (hidden; default 100, the API's largest page). */
  pageSize?: number;
}

export function withListOptions(command: Command): Command {
  return command
    .option('--limit <n>', 'at most n items, fetching page after page', wholeNumber(1), 100)
    .option('--all', 'every item, however many pages')
    .addOption(new Option('--page-size <n>', 'items per request').argParser(wholeNumber(1)).hideHelp());
}

/** `--wait`, `--timeout <s>` (and a hidden `--interval <ms>`) for commands that start an operation (202). */
export interface WaitCommandFlags {
  wait?: boolean;
  timeout?: number;
  interval?: number;
}

export function withWaitOptions(command: Command): Command {
  return withTimeoutOptions(
    command.option(
      '--wait',
      'follow the operation to its end (progress on stderr), then print its final state',
    ),
  );
}

/** `--timeout <s>` and the hidden `--interval <ms>` of anything that follows an operation. */
export function withTimeoutOptions(command: Command): Command {
  return command
    .option(
      '--timeout <seconds>',
      'give up following it after this long (exit 9); default 1800',
      wholeNumber(1),
    )
    .addOption(
      new Option('--interval <ms>', 'between reads of the operation').argParser(wholeNumber(50)).hideHelp(),
    );
}

/** `--idempotency-key <key>` for creating commands: a retry with the same key replays the first answer. */
export interface IdempotencyFlags {
  idempotencyKey?: string;
}

export function withIdempotencyKey(command: Command): Command {
  return command.option(
    '--idempotency-key <key>',
    'replay-safe key: the same key and input answer as the first call did (default: a new key per call)',
  );
}

export function idempotencyHeader(flags: IdempotencyFlags): { 'Idempotency-Key': string } | undefined {
  return flags.idempotencyKey ? { 'Idempotency-Key': flags.idempotencyKey } : undefined;
}

/**
 * `--if-match <version>` for writes to a versioned resource: apply only to that version (a 412, exit 5, when
 * it has moved on). Without it the command fetches the resource and sends the version it read.
 */
export interface VersionFlags {
  ifMatch?: number;
}

export function withIfMatch(command: Command): Command {
  return command.option(
    '--if-match <version>',
    'apply only if the resource is still at this version (default: the version just read)',
    wholeNumber(1),
  );
}
