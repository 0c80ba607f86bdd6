import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { ARCHIVE_TASK } from '@bbws/integrations-compute';
import type { FleetInstance, TaskRunner, TaskRunResult } from '@bbws/integrations-local-compute';
import type { LocalInstanceRuntime, LocalRuntimeMissingError } from '@bbws/integrations-local-runtime';

/**
 * The local stand-in for the WordPress image's one-off commands: `bbws-archive` dumps the instance
 * database and tars wp-content through the local runtime, gzips the dump and PUTs both files to the
 * presigned URLs in DATABASE_UPLOAD_URL / CONTENT_UPLOAD_URL (streamed, Content-Type as signed).
 * Any other command exits 127, as a shell would.
 */
export class ArchiveTaskRunner implements TaskRunner {
  constructor(
    private readonly runtime: LocalInstanceRuntime | LocalRuntimeMissingError,
    /** Scratch space for the files while they upload (removed afterwards). */
    private readonly workDir: string,
  ) {}

  async run(instance: FleetInstance, command: string[], env: Record<string, string>): Promise<TaskRunResult> {
    if (command.length !== 1 || command[0] !== ARCHIVE_TASK.command)
      return { exitCode: 127, log: [`${command[0] ?? ''}: command not found`] };
    const databaseUrl = env[ARCHIVE_TASK.databaseUrlVariable];
    const contentUrl = env[ARCHIVE_TASK.contentUrlVariable];
    if (!databaseUrl || !contentUrl)
      return {
        exitCode: 2,
        log: [
          `bbws-archive: ${ARCHIVE_TASK.databaseUrlVariable} and ${ARCHIVE_TASK.contentUrlVariable} are required`,
        ],
      };
    if (!('archive' in this.runtime)) return { exitCode: 1, log: [`bbws-archive: ${this.runtime.message}`] };
    await mkdir(this.workDir, { recursive: true });
    const scratch = await mkdtemp(
      path.join(this.workDir, `${instance.environment.toLowerCase()}-${instance.slug}-`),
    );
    const log: string[] = [];
    try {
      const archive = await this.runtime.archive(instance, scratch);
      const dump = `${archive.databaseDump.path}.gz`;
      await pipeline(createReadStream(archive.databaseDump.path), createGzip(), createWriteStream(dump));
      log.push(`database dumped (${archive.databaseDump.bytes} bytes, ${(await stat(dump)).size} gzipped)`);
      log.push(`wp-content archived (${archive.wpContent.bytes} bytes)`);
      for (const [file, url, name] of [
        [dump, databaseUrl, 'database'],
        [archive.wpContent.path, contentUrl, 'wp-content'],
      ] as const) {
        const status = await upload(file, url);
        if (status < 200 || status >= 300) {
          log.push(`bbws-archive: the ${name} upload answered ${status}`);
          return { exitCode: 22, log };
        }
        log.push(`${name} uploaded`);
      }
      return { exitCode: 0, log };
    } catch (error) {
      log.push(`bbws-archive: ${error instanceof Error ? error.message : String(error)}`);
      return { exitCode: 1, log };
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
}

/** PUTs a file with its length (S3 wants Content-Length, not chunked encoding); resolves with the status. */
async function upload(file: string, url: string): Promise<number> {
  const { size } = await stat(file);
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'PUT',
        headers: { 'content-type': ARCHIVE_TASK.contentType, 'content-length': String(size) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    pipeline(createReadStream(file), request).catch(reject);
  });
}
