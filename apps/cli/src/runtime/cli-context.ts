import { createBbwsClient, DEFAULT_API_URL, type BbwsClient } from '@bbws/sdk';
import { readConfig } from '../config/cli-config';
import { Output } from '../output/output';
import type { CliIo } from './cli-io';

/** The global options every command accepts (`bbws --api … --token … --json <command>`). */
export interface GlobalOptions {
  api?: string;
  token?: string;
  json?: boolean;
  quiet?: boolean;
}

/** What a command's action works with: the SDK client, the output, the io (for progress rendering). */
export interface CliContext {
  client: BbwsClient;
  output: Output;
  io: CliIo;
  api: string;
  /** Whether a token was found (flag, BBWS_TOKEN or `bbws login`). */
  authenticated: boolean;
}

/** Precedence: --api/--token, then BBWS_API/BBWS_TOKEN, then what `bbws login` stored, then the local front door. */
export async function createContext(options: GlobalOptions, io: CliIo): Promise<CliContext> {
  const stored = await readConfig(io.env);
  const api = options.api ?? io.env.BBWS_API ?? stored.api ?? DEFAULT_API_URL;
  const token = options.token ?? io.env.BBWS_TOKEN ?? stored.token;
  return {
    client: createBbwsClient({ baseUrl: api, token }),
    output: new Output(io, Boolean(options.json), Boolean(options.quiet)),
    io,
    api,
    authenticated: Boolean(token),
  };
}
