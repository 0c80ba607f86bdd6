import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { buildConflictingPlugin, buildSettingsPlugin } from '@bbws/testing-wordpress-fixtures';

/** One package of a seeded plugin: a folder zipped at seed time, or one of the project's fixture plugins. */
export type PackageSource =
  | { directory: string; version?: string }
  | { fixture: 'settings'; version: '1.0.0' | '2.0.0' }
  | { fixture: 'conflicting'; version: '1.0.0' };

/** A fixed timestamp, so the same folder always zips to the same bytes (and sha256). */
const ENTRY_TIME = new Date('2024-01-01T00:00:00Z');

/**
 * The zip of a plugin package: `directory` (relative to the seed data folder, or absolute) becomes
 * the archive's top folder `wpSlug/`, as WordPress expects.
 */
export async function buildPackage(source: PackageSource, wpSlug: string, dataDir: string): Promise<Buffer> {
  if ('directory' in source) return zipDirectory(path.resolve(dataDir, source.directory), wpSlug);
  return source.fixture === 'settings'
    ? buildSettingsPlugin(source.version).bytes
    : buildConflictingPlugin().bytes;
}

async function zipDirectory(directory: string, topFolder: string): Promise<Buffer> {
  const entries: Zippable = {};
  const files = (await readdir(directory, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  if (files.length === 0) throw new Error(`${directory} holds no files to package`);
  for (const file of files) {
    const name = `${topFolder}/${path.relative(directory, file).split(path.sep).join('/')}`;
    entries[name] = [await readFile(file), { mtime: ENTRY_TIME }];
  }
  return Buffer.from(zipSync(entries, { level: 6 }));
}
