import { gzipSync } from 'node:zlib';
import type { FleetInstance, TaskRunner, TaskRunResult } from '@bbws/integrations-local-compute';

export interface RecordedTask {
  instance: FleetInstance;
  command: string[];
  environment: Record<string, string>;
}

/**
 * A TaskRunner that records its calls. `bbws-archive` PUTs a small gzip "dump" and "tarball" naming
 * the instance to DATABASE_UPLOAD_URL and CONTENT_UPLOAD_URL (as the real command does, Content-Type
 * application/gzip); `exitWith(code)` makes the next runs exit with `code` without uploading; any
 * other command exits 127.
 */
export class RecordingTaskRunner implements TaskRunner {
  readonly calls: RecordedTask[] = [];
  private failure?: number;

  exitWith(code: number | undefined): void {
    this.failure = code;
  }

  async run(
    instance: FleetInstance,
    command: string[],
    environment: Record<string, string>,
  ): Promise<TaskRunResult> {
    this.calls.push({ instance, command, environment });
    if (command[0] !== 'bbws-archive') return { exitCode: 127, log: [`${command[0]}: command not found`] };
    if (this.failure !== undefined) return { exitCode: this.failure, log: ['bbws-archive: failed (test)'] };
    const name = `${instance.environment}/${instance.slug}`;
    const uploads: [string | undefined, string][] = [
      [environment.DATABASE_UPLOAD_URL, `-- dump of ${name}\nCREATE TABLE wp_blogs (blog_id int);\n`],
      [environment.CONTENT_UPLOAD_URL, `wp-content of ${name}`],
    ];
    for (const [url, text] of uploads) {
      if (!url)
        return {
          exitCode: 2,
          log: ['bbws-archive: DATABASE_UPLOAD_URL and CONTENT_UPLOAD_URL are required'],
        };
      const response = await fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/gzip' },
        body: gzipSync(text),
      });
      if (!response.ok) return { exitCode: 22, log: [`bbws-archive: upload answered ${response.status}`] };
    }
    return { exitCode: 0, log: [`bbws-archive: ${name} archived`] };
  }
}
