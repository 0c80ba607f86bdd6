import { ifMatch, unwrap } from '@bbws/sdk';
import type { VersionFlags } from './command-options';

interface ReadAnswer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The `If-Match` header for a write: the version given with `--if-match`, else the ETag of a fresh read of
 * the resource (a missing or foreign resource throws its typed error here, before any write).
 */
export async function versionHeader(
  flags: VersionFlags,
  read: () => Promise<ReadAnswer>,
): Promise<{ 'If-Match': string }> {
  if (flags.ifMatch !== undefined) return { 'If-Match': `"${flags.ifMatch}"` };
  const answer = await read();
  await unwrap(answer);
  return ifMatch(answer);
}
