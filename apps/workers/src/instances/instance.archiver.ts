import { setTimeout as sleep } from 'node:timers/promises';
import type { Instance } from '@bbws/data-access-instances';
import type { ArtifactStore } from '@bbws/integrations-artifacts';
import { ARCHIVE_TASK, type ComputePort, type TaskSnapshot } from '@bbws/integrations-compute';
import type { Clock } from '@bbws/shared-util';
import { ArchiveFailedError, ArchiveNotFinishedError } from './instance-archive.errors';
import { describeUpload, readManifest, type ArchiveManifest } from './instance-archive.manifest';
import { serviceOf } from './instance-refs';

export interface ArchiveTiming {
  /** How long one attempt waits for the task to stop before handing the operation back to the queue. */
  timeoutMs: number;
  pollIntervalMs: number;
}

export type ArchiveOutcome =
  | { skipped: true; reason: 'NEVER_DEPLOYED' | 'SERVICE_MISSING' }
  | { skipped: false; prefix: string; manifestKey: string; manifest: ArchiveManifest };

/** Presigned uploads outlive a slow dump: at least an hour. */
const UPLOAD_URL_SECONDS = 3600;

/**
 * Archives an instance before it is destroyed: `bbws-archive` runs as a one-off task of the
 * instance's service and uploads the database dump and wp-content to presigned URLs under
 * `archives/{tenantId}/{instanceId}/{operationId}/`; the worker then checks both objects, hashes them
 * and writes `manifest.json` (which also marks the archive done when the step resumes).
 */
export class InstanceArchiver {
  constructor(
    private readonly compute: ComputePort,
    private readonly artifacts: ArtifactStore,
    private readonly clock: Clock,
    private readonly timing: ArchiveTiming,
  ) {}

  async archive(instance: Instance, operationId: string, signal: AbortSignal): Promise<ArchiveOutcome> {
    if (instance.gitOps.lastCommitSha === null) return { skipped: true, reason: 'NEVER_DEPLOYED' };
    const service = serviceOf(instance);
    const prefix = `archives/${instance.tenantId}/${instance.instanceId}/${operationId}/`;
    const manifestKey = `${prefix}manifest.json`;
    const existing = await readManifest(this.artifacts, manifestKey);
    if (existing) return { skipped: false, prefix, manifestKey, manifest: existing };
    const { status } = await this.compute.describeService(service);
    if (status === 'MISSING' || status === 'INACTIVE') return { skipped: true, reason: 'SERVICE_MISSING' };

    const keys = { database: `${prefix}database.sql.gz`, content: `${prefix}wp-content.tar.gz` };
    const upload = (key: string) =>
      this.artifacts.presignPut(key, {
        contentType: ARCHIVE_TASK.contentType,
        expiresInSeconds: UPLOAD_URL_SECONDS,
      });
    const [databaseUpload, contentUpload] = await Promise.all([upload(keys.database), upload(keys.content)]);
    const { taskArn } = await this.compute.runTask(service, {
      command: [ARCHIVE_TASK.command],
      environment: {
        [ARCHIVE_TASK.databaseUrlVariable]: databaseUpload.url,
        [ARCHIVE_TASK.contentUrlVariable]: contentUpload.url,
      },
      clientToken: `${operationId}-archive`.slice(0, 64),
    });
    const stopped = await this.waitStopped(service.environment, service.cluster, taskArn, signal);
    if (stopped.exitCode !== 0)
      throw new ArchiveFailedError(
        `The archive task ${taskArn} ${stopped.exitCode === undefined ? 'did not run' : `exited with ${stopped.exitCode}`}${stopped.stoppedReason ? ` (${stopped.stoppedReason})` : ''}`,
        { taskArn, exitCode: stopped.exitCode ?? null, stoppedReason: stopped.stoppedReason ?? null },
      );
    const [database, content] = await Promise.all([
      describeUpload(this.artifacts, keys.database),
      describeUpload(this.artifacts, keys.content),
    ]);
    if (!database || !content)
      throw new ArchiveFailedError(`The archive task ${taskArn} exited 0 without uploading both files`, {
        taskArn,
        missing: [database ? null : keys.database, content ? null : keys.content].filter(Boolean),
      });
    const manifest: ArchiveManifest = {
      prefix,
      instanceId: instance.instanceId,
      tenantId: instance.tenantId,
      environment: instance.environment,
      slug: instance.slug,
      operationId,
      taskArn,
      createdAt: this.clock.now().toISOString(),
      database,
      content,
    };
    await this.artifacts.put(manifestKey, Buffer.from(JSON.stringify(manifest, null, 2)), {
      contentType: 'application/json',
    });
    return { skipped: false, prefix, manifestKey, manifest };
  }

  private async waitStopped(
    environment: Instance['environment'],
    cluster: string,
    taskArn: string,
    signal: AbortSignal,
  ): Promise<TaskSnapshot> {
    const deadline = Date.now() + this.timing.timeoutMs;
    for (;;) {
      const task = await this.compute.describeTask(environment, cluster, taskArn);
      if (task.lastStatus === 'STOPPED') return task;
      if (task.lastStatus === 'MISSING')
        throw new ArchiveFailedError(`The archive task ${taskArn} is unknown to ECS`, { taskArn });
      if (Date.now() >= deadline) throw new ArchiveNotFinishedError(taskArn, task.lastStatus);
      await sleep(this.timing.pollIntervalMs, undefined, { signal });
    }
  }
}
