import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { MariaDbServer } from '@bbws/integrations-local-wordpress';

const run = promisify(execFile);

export interface ArchiveFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface InstanceArchive {
  /** SQL dump of the instance's database (mariadb-dump, restorable into any database). */
  databaseDump: ArchiveFile;
  /** tar.gz of the document root's wp-content/ (entries start with `wp-content/`). */
  wpContent: ArchiveFile;
}

export interface ArchiveSource {
  server: MariaDbServer;
  databaseName: string;
  docRoot: string;
  /** File names start with it, e.g. `acme_dev`. */
  baseName: string;
}

/** Writes the database dump and the wp-content tarball into `targetDir` (replacing earlier ones). */
export async function archiveInstance(source: ArchiveSource, targetDir: string): Promise<InstanceArchive> {
  await mkdir(targetDir, { recursive: true });
  const dumpPath = join(targetDir, `${source.baseName}.sql`);
  const tarPath = join(targetDir, `${source.baseName}-wp-content.tar.gz`);
  await Promise.all([rm(dumpPath, { force: true }), rm(tarPath, { force: true })]);
  await source.server.dumpDatabase(source.databaseName, dumpPath);
  await run('tar', ['-czf', tarPath, '-C', source.docRoot, 'wp-content'], { maxBuffer: 16 * 1024 * 1024 });
  const [databaseDump, wpContent] = await Promise.all([describeFile(dumpPath), describeFile(tarPath)]);
  return { databaseDump, wpContent };
}

async function describeFile(path: string): Promise<ArchiveFile> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { path, bytes: (await stat(path)).size, sha256: hash.digest('hex') };
}
