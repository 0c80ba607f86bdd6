import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface FixturePackage {
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

/** A zip of `files` (path -> content) as WordPress expects a plugin or theme package. */
export function zipPackage(fileName: string, files: Record<string, string>): FixturePackage {
  const entries: Zippable = {};
  for (const [path, content] of Object.entries(files)) {
    entries[path] = [strToU8(content), { mtime: new Date('2024-01-01T00:00:00Z') }];
  }
  const bytes = Buffer.from(zipSync(entries, { level: 6 }));
  return { fileName, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
