import { UpstreamError } from '@bbws/shared-errors';

/** The archive task failed (exit code ≠ 0, failed to start, or uploaded nothing): the instance is kept. */
export class ArchiveFailedError extends UpstreamError {
  constructor(message: string, details: Record<string, unknown>) {
    super(message, { code: 'ARCHIVE_FAILED', retryable: false, details });
  }
}

/** The archive task did not stop in time: retried later, the operation resumes at its step. */
export class ArchiveNotFinishedError extends UpstreamError {
  constructor(taskArn: string, lastStatus: string) {
    super(`Archive task ${taskArn} is still ${lastStatus}`, {
      code: 'ARCHIVE_NOT_FINISHED',
      retryable: true,
      details: { taskArn, lastStatus },
    });
  }
}
