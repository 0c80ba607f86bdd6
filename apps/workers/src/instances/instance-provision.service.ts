import type { Instance, InstanceStatus, RuntimeLookupDao } from '@bbws/data-access-instances';
import type { ComputePort } from '@bbws/integrations-compute';
import type { GitOpsPort, WorkflowRun } from '@bbws/integrations-gitops';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { EventPublisher } from '@bbws/platform-sqs';
import type { InstanceProvisionPayload, InstanceUpdatePayload } from '@bbws/shared-contracts';
import { UpstreamError } from '@bbws/shared-errors';
import type { InstanceWorkersConfig } from '../config/workers.config';
import { instanceTerraform, type InstanceTerraformSource } from './instance-terraform';
import { locatorOf, serviceOf } from './instance-refs';
import type { InstanceLocator, InstanceStateWriter } from './instance-state.writer';
import { waitForService } from './service-convergence';
import type { TenantActivation } from '../tenant-events/tenant-activation.port';
import type { WorkflowRunTracker } from './workflow-run.tracker';

/** The statuses an operation walks the instance through (an update stays UPDATING throughout). */
interface Phase {
  start: readonly InstanceStatus[];
  committing: InstanceStatus;
  queued: InstanceStatus;
  running: InstanceStatus;
  runtime: InstanceStatus;
}

export const PROVISION_PHASE: Phase = {
  start: ['PENDING_PROVISIONING'],
  committing: 'COMMITTING',
  queued: 'WORKFLOW_QUEUED',
  running: 'WORKFLOW_RUNNING',
  runtime: 'PROVISIONING',
};

export const UPDATE_PHASE: Phase = {
  start: ['UPDATING'],
  committing: 'UPDATING',
  queued: 'UPDATING',
  running: 'UPDATING',
  runtime: 'UPDATING',
};

export const GITOPS_STEPS = ['commit', 'dispatch', 'workflow', 'runtime', 'activate'];

/** The apply succeeded yet no rule routes the host (yet): ELBv2 may lag, so this is retried. */
class ListenerRuleMissingError extends UpstreamError {
  constructor(host: string) {
    super(`No listener rule routes ${host} after the workflow applied`, {
      code: 'LISTENER_RULE_NOT_FOUND',
      retryable: true,
      details: { host },
    });
  }
}

export interface InstanceProvisionDependencies {
  state: InstanceStateWriter;
  gitops: GitOpsPort;
  tracker: WorkflowRunTracker;
  compute: ComputePort;
  runtimeLookup: RuntimeLookupDao;
  events: EventPublisher;
  activation: TenantActivation;
  config: InstanceWorkersConfig;
}

/**
 * INSTANCE_PROVISION and INSTANCE_UPDATE through GitOps (API.md § Instances): the tenant's Terraform
 * committed, the deploy workflow dispatched once and followed, then the runtime confirmed from
 * DescribeServices. Each step is a checkpoint, and each is correct when re-run after a crash or by a
 * `/retry` (a new operation id: a new commit when the Terraform changed, and a new run).
 */
export class InstanceProvisionService {
  constructor(private readonly deps: InstanceProvisionDependencies) {}

  async provision(context: OperationContext<InstanceProvisionPayload>): Promise<OperationOutcome> {
    const locator = locatorOf(context);
    const instance = await this.run(context, PROVISION_PHASE, (current) => current, 'Provision');
    const active = await context.step('activate', async () => {
      const loaded = await this.deps.state.load(locator);
      const runningCount = stepOutput<number>(context, 'runtime', 'runningCount') ?? loaded.desiredCount;
      const written = await this.deps.state.move(locator, [PROVISION_PHASE.runtime], {
        status: 'ACTIVE',
        runningCount,
        lastError: null,
      });
      await this.announce(context, written);
      return { runningCount: written.runningCount };
    });
    return {
      result: { instanceId: instance.instanceId, status: 'ACTIVE', endpoint: instance.endpoint },
      message: `Instance is ACTIVE with ${active.runningCount} task(s)`,
    };
  }

  async update(context: OperationContext<InstanceUpdatePayload>): Promise<OperationOutcome> {
    const locator = locatorOf(context);
    const { tier, desiredCount, wordpressVersion } = context.payload;
    const target = (current: Instance) => {
      const size = tier ? this.deps.config.environments[current.environment].tiers[tier] : undefined;
      return {
        ...current,
        tier: tier ?? current.tier,
        cpu: size?.cpu ?? current.cpu,
        memory: size?.memory ?? current.memory,
        desiredCount: desiredCount ?? current.desiredCount,
        wordpressVersion: wordpressVersion ?? current.wordpressVersion,
      };
    };
    const wanted = await this.run(context, UPDATE_PHASE, target, 'Update');
    await context.step('activate', async () => {
      const runningCount = stepOutput<number>(context, 'runtime', 'runningCount') ?? wanted.desiredCount;
      await this.deps.state.move(locator, [UPDATE_PHASE.runtime], {
        status: 'ACTIVE',
        tier: wanted.tier,
        cpu: wanted.cpu,
        memory: wanted.memory,
        desiredCount: wanted.desiredCount,
        wordpressVersion: wanted.wordpressVersion,
        runningCount,
      });
    });
    return {
      result: {
        instanceId: wanted.instanceId,
        tier: wanted.tier,
        desiredCount: wanted.desiredCount,
        wordpressVersion: wanted.wordpressVersion,
      },
      message: `Instance updated (${wanted.tier}, ${wanted.desiredCount} task(s), WordPress ${wanted.wordpressVersion})`,
    };
  }

  /** commit → dispatch → workflow → runtime; returns the instance as the Terraform describes it. */
  private async run(
    context: OperationContext<{ instanceId: string; environment: Instance['environment'] }>,
    phase: Phase,
    target: (current: Instance) => Instance,
    verb: string,
  ): Promise<Instance> {
    const locator = locatorOf(context);
    const { operationId } = context.operation;
    await context.plan(GITOPS_STEPS);
    const wanted = target(await this.deps.state.load(locator));
    const { environment, slug } = wanted;
    await context.step('commit', async () => {
      await this.deps.state.move(locator, phase.start, { status: phase.committing });
      const commit = await this.deps.gitops.commitInstance({
        environment,
        slug,
        files: { ...this.terraform(wanted) },
        operationId,
        message: `${verb} ${slug} in ${environment}`,
      });
      await this.deps.state.record(locator, [phase.committing], { gitOps: { lastCommitSha: commit.sha } });
      return { commitSha: commit.sha, created: commit.created };
    });
    await context.step('dispatch', async () => {
      await this.deps.state.move(locator, [phase.committing], { status: phase.queued });
      return this.deps.tracker.dispatchOnce({ environment, slug, action: 'apply', operationId });
    });
    await context.step('workflow', (signal) => this.follow(context, locator, phase, signal));
    await context.step('runtime', async (signal) => {
      await this.deps.state.move(locator, [phase.running], { status: phase.runtime });
      return this.confirmRuntime(context, locator, phase, wanted.desiredCount, signal);
    });
    return wanted;
  }

  private async follow(
    context: OperationContext,
    locator: InstanceLocator,
    phase: Phase,
    signal: AbortSignal,
  ) {
    let recorded: number | null = null;
    const seen = async (run: WorkflowRun) => {
      if (run.status !== 'queued')
        await this.deps.state.move(locator, [phase.queued], { status: phase.running });
      if (recorded === run.id) return;
      await this.deps.state.record(locator, [phase.queued, phase.running], {
        gitOps: { lastWorkflowRunId: run.id, lastWorkflowUrl: run.htmlUrl },
      });
      recorded = run.id;
      await context.progress(45, `Workflow run ${run.id} is ${run.status}`);
    };
    const run = await this.deps.tracker.follow(
      locator.environment,
      context.operation.operationId,
      signal,
      seen,
    );
    return { runId: run.id, runUrl: run.htmlUrl, conclusion: run.conclusion };
  }

  /** The rule and target group the workflow created, the runtime lookup item, then a steady service. */
  private async confirmRuntime(
    context: OperationContext,
    locator: InstanceLocator,
    phase: Phase,
    desiredCount: number,
    signal: AbortSignal,
  ) {
    const instance = await this.deps.state.load(locator);
    const { environment, resources } = instance;
    const rule = await this.deps.compute.findRuleByHost(environment, resources.listenerArn, resources.host);
    if (!rule) throw new ListenerRuleMissingError(resources.host);
    const targetGroupArn =
      rule.action.type === 'forward' ? rule.action.targetGroupArn : resources.targetGroupArn;
    const recorded = await this.deps.state.record(locator, [phase.runtime], {
      resources: { listenerRuleArn: rule.ruleArn, targetGroupArn },
    });
    await this.deps.runtimeLookup.put(recorded);
    const snapshot = await waitForService(this.deps.compute, serviceOf(instance), desiredCount, {
      ...this.deps.config.convergence,
      signal,
      onPoll: (seen) =>
        context.progress(
          60 + 30 * Math.min(1, seen.runningCount / Math.max(desiredCount, 1)),
          `${seen.runningCount} of ${desiredCount} task(s) running`,
        ),
    });
    return { runningCount: snapshot.runningCount, listenerRuleArn: rule.ruleArn, targetGroupArn };
  }

  private terraform(instance: InstanceTerraformSource) {
    const { environments, terraformStateBucket } = this.deps.config;
    return instanceTerraform(
      instance,
      environments[instance.environment],
      terraformStateBucket(instance.environment),
    );
  }

  /** `instance.active` to webhooks, and the tenant's activation (its first ACTIVE instance). */
  private async announce(context: OperationContext, instance: Instance): Promise<void> {
    await this.deps.events.publish({
      tenantId: instance.tenantId,
      type: 'instance.active',
      correlationId: context.envelope.correlationId,
      data: {
        instanceId: instance.instanceId,
        environment: instance.environment,
        status: instance.status,
        endpoint: instance.endpoint,
        operationId: context.operation.operationId,
      },
    });
    await this.deps.activation.instanceActive(instance.tenantId, instance.instanceId, {
      operationId: context.operation.operationId,
      actor: context.operation.createdBy,
    });
  }
}

function stepOutput<T>(context: OperationContext, step: string, key: string): T | undefined {
  const output = context.steps.find((candidate) => candidate.name === step)?.output as
    Record<string, unknown> | undefined;
  return output?.[key] as T | undefined;
}
