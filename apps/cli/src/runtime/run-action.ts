import type { Command } from 'commander';
import {
  BbwsApiError,
  BbwsNetworkError,
  OperationCancelledError,
  OperationFailedError,
  OperationTimeoutError,
} from '@bbws/sdk';
import { createContext, type CliContext, type GlobalOptions } from './cli-context';
import type { CliIo } from './cli-io';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes';

/** Thrown by commands for a refusal of their own (a missing token, a bad flag value): message + exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

interface ErrorLike {
  message: string;
  code?: unknown;
  cause?: unknown;
}

// Duck-typed: fetch's errors may come from another realm (instanceof Error fails there).
const isErrorLike = (value: unknown): value is ErrorLike =>
  typeof value === 'object' && value !== null && typeof (value as ErrorLike).message === 'string';

/** The innermost reason of a failed fetch (`connect ECONNREFUSED 127.0.0.1:3000` rather than `fetch failed`). */
function rootCause(error: unknown): string {
  let current = error;
  while (isErrorLike(current) && isErrorLike(current.cause)) current = current.cause;
  if (!isErrorLike(current)) return String(current);
  return current.message || (typeof current.code === 'string' ? current.code : 'no answer');
}

function describe(error: unknown): { message: string; code: ExitCode; json: unknown } {
  if (error instanceof CliError)
    return {
      message: error.message,
      code: error.exitCode,
      json: { error: { code: 'CLI', message: error.message } },
    };
  if (error instanceof OperationFailedError || error instanceof OperationCancelledError) {
    return { message: error.message, code: EXIT.OPERATION_FAILED, json: { operation: error.operation } };
  }
  if (error instanceof OperationTimeoutError) {
    return { message: error.message, code: EXIT.TIMEOUT, json: { operation: error.operation } };
  }
  if (error instanceof BbwsApiError) {
    const request = error.requestId ? ` (request ${error.requestId})` : '';
    const details = Object.keys(error.details).length ? `\n${JSON.stringify(error.details)}` : '';
    return {
      message: `${error.status} ${error.code}: ${error.message}${request}${details}`,
      code: exitCodeFor(error),
      json: {
        error: {
          status: error.status,
          code: error.code,
          message: error.message,
          details: error.details,
          requestId: error.requestId,
        },
      },
    };
  }
  if (error instanceof BbwsNetworkError) {
    const message = `no answer from ${error.url}: ${rootCause(error.cause)} (is the API running? --api, BBWS_API)`;
    return { message, code: EXIT.UNAVAILABLE, json: { error: { code: 'NETWORK_ERROR', message } } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, code: exitCodeFor(error), json: { error: { code: 'ERROR', message } } };
}

/**
 * Wraps a command's action: builds the context from the global options, runs it, and turns any error
 * into a message on stderr (JSON with --json) and the exit code of its class.
 */
export function action<Args extends unknown[]>(
  io: CliIo,
  run: (context: CliContext, ...args: Args) => Promise<void>,
): (...args: [...Args, Command]) => Promise<void> {
  return async (...args) => {
    const command = args[args.length - 1] as Command;
    const options = command.optsWithGlobals<GlobalOptions>();
    const context = await createContext(options, io);
    try {
      await run(context, ...(args.slice(0, -1) as Args));
    } catch (error) {
      const { message, code, json } = describe(error);
      const hint =
        code === EXIT.AUTH && !context.authenticated
          ? '\nno token: run `bbws login --token <jwt>`, or pass --token or BBWS_TOKEN'
          : '';
      io.stderr.write(options.json ? `${JSON.stringify(json)}\n` : `bbws: ${message}${hint}\n`);
      throw new CliExit(code);
    }
  };
}

/** Ends the run with an exit code after the message was written (caught by runCli). */
export class CliExit extends Error {
  constructor(readonly code: ExitCode) {
    super(`exit ${code}`);
  }
}
