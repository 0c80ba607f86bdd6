import type { InstanceDao } from '@bbws/data-access-instances';
import type { GitOpsPort } from '@bbws/integrations-gitops';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { InstanceDeprovisionPayload } from '@bbws/shared-contracts';
import type { InstanceArchiver } from './instance.archiver';
import { locatorOf } from './instance-refs';
import type { InstanceStateWriter } from './instance-state.writer';
import type { WorkflowRunTracker } from './workflow-run.tracker';

export const DEPROVISION_STATUSES = ['PENDING_DEPROVISIONING', 'DEPROVISIONING'] as const;

/**
 * INSTANCE_DEPROVISION on `bbws-instance-deprovision`: the database dump and wp-content are archived
 * to the artifact store first (a failed archive fails the operation and destroys nothing), then the
 * deploy workflow destroys the instance's
 * resources (dispatched once, followed), a commit removes `tenants/{slug}/`, then the instance is
 * DEPROVISIONED with its slug, priority and runtime lookup released (the slug is reusable). An instance
 * whose Terraform was never committed has nothing to destroy and goes straight to the last step.
 */
export class InstanceDeprovisionService {
  constructor(
    private readonly state: InstanceStateWriter,
    private readonly instances: InstanceDao,
    private readonly gitops: GitOpsPort,
    private readonly tracker: WorkflowRunTracker,
    private readonly archiver: InstanceArchiver,
  ) {}

  async deprovision(context: OperationContext<InstanceDeprovisionPayload>): Promise<OperationOutcome> {
    const locator = locatorOf(context);
    const { operationId } = context.operation;
    await context.plan(['archive', 'destroy', 'remove-folder', 'finish']);
    const instance = await this.state.move(locator, DEPROVISION_STATUSES, { status: 'DEPROVISIONING' });
    const { environment, slug } = instance;
    const committed = instance.gitOps.lastCommitSha !== null;
    const archive = await context.step('archive', async (signal) => {
      const outcome = await this.archiver.archive(instance, operationId, signal);
      if (outcome.skipped) return { skipped: true, reason: outcome.reason };
      const { manifest } = outcome;
      return {
        prefix: outcome.prefix,
        manifestKey: outcome.manifestKey,
        taskArn: manifest.taskArn,
        database: manifest.database,
        content: manifest.content,
      };
    });
    await context.step('destroy', async (signal) => {
      if (!committed) return { skipped: true };
      await this.tracker.dispatchOnce({ environment, slug, action: 'destroy', operationId });
      let recorded: number | null = null;
      const run = await this.tracker.follow(environment, operationId, signal, async (seen) => {
        if (seen.id === recorded) return;
        await this.state.record(locator, ['DEPROVISIONING'], {
          gitOps: { lastWorkflowRunId: seen.id, lastWorkflowUrl: seen.htmlUrl },
        });
        recorded = seen.id;
      });
      return { runId: run.id, runUrl: run.htmlUrl };
    });
    await context.step('remove-folder', async () => {
      if (!committed) return { skipped: true };
      const commit = await this.gitops.removeInstance({
        environment,
        slug,
        operationId,
        message: `Deprovision ${slug} in ${environment}`,
      });
      await this.state.record(locator, ['DEPROVISIONING'], { gitOps: { lastCommitSha: commit.sha } });
      return { commitSha: commit.sha, created: commit.created };
    });
    await context.step('finish', async () => {
      const current = await this.state.load(locator);
      if (current.status === 'DEPROVISIONED') return;
      await this.instances.markDeprovisioned(current, current.version);
    });
    return {
      result: {
        instanceId: instance.instanceId,
        status: 'DEPROVISIONED',
        archivePrefix: 'prefix' in archive ? archive.prefix : null,
      },
      message: `Instance ${slug} is deprovisioned`,
    };
  }
}
