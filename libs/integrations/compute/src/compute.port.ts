import type { HostingEnvironment } from '@bbws/shared-contracts';
import { token } from '@bbws/shared-util';

/** One tenant instance's ECS service in one hosting environment. */
export interface ServiceRef {
  environment: HostingEnvironment;
  cluster: string;
  serviceName: string;
}

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/** What DescribeServices says about a service, reduced to what the control plane decides on. */
export interface ServiceSnapshot {
  serviceName: string;
  /** MISSING when ECS does not know the service (DescribeServices `failures` reason MISSING). */
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE' | 'MISSING';
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  deployments: { id: string; rolloutState: RolloutState; desiredCount: number; runningCount: number }[];
  /** The newest service event ECS recorded, if any. */
  lastEvent?: { message: string; createdAt: string };
  /** desired = running, one deployment, rollout COMPLETED: what "steady state" means here. */
  steady: boolean;
}

/** An ALB listener rule routing one instance's host. */
export interface ListenerRuleRef {
  environment: HostingEnvironment;
  ruleArn: string;
}

export type RuleAction =
  | { type: 'forward'; targetGroupArn: string }
  | { type: 'fixed-response'; statusCode: number; contentType: string; body: string };

export interface RuleSnapshot {
  ruleArn: string;
  priority: string;
  hosts: string[];
  action: RuleAction;
}

/**
 * The runtime side of an instance (ECS + ELBv2). Scale, suspend, resume, park and unpark act here
 * directly; provisioning goes through GitOps. Every method is idempotent.
 */
export const COMPUTE_PORT = token<ComputePort>('COMPUTE_PORT');

export interface ComputePort extends OneOffTasks {
  describeService(ref: ServiceRef): Promise<ServiceSnapshot>;
  /** UpdateService with a new desired count; resolves with the service as ECS answered. */
  setDesiredCount(ref: ServiceRef, desiredCount: number): Promise<ServiceSnapshot>;
  /** The rule of a listener whose host condition names `host` (DescribeRules), if any. */
  findRuleByHost(
    environment: HostingEnvironment,
    listenerArn: string,
    host: string,
  ): Promise<RuleSnapshot | undefined>;
  describeRule(ref: ListenerRuleRef): Promise<RuleSnapshot>;
  /**
   * ModifyRule to a fixed 503 maintenance response; returns the target group it forwarded to (to restore).
   * The target group is also tagged on the rule (`bbws:forward-target-group`), so calling it again while
   * in maintenance returns the same one (409 `MAINTENANCE_TARGET_UNKNOWN` if a rule was put in a fixed
   * response by someone else).
   */
  enterMaintenance(
    ref: ListenerRuleRef,
    page: { title: string; message: string },
  ): Promise<{ previousTargetGroupArn: string }>;
  /** ModifyRule back to forwarding to `targetGroupArn`. */
  leaveMaintenance(ref: ListenerRuleRef, targetGroupArn: string): Promise<void>;
}

/** A one-off task to run with an instance service's task definition and network. */
export interface OneOffTask {
  /** Replaces the `wordpress` container's command. */
  command: string[];
  /** Added to the `wordpress` container's environment. */
  environment: Record<string, string>;
  /** RunTask's idempotency token (up to 64 characters): the same token answers the same task. */
  clientToken?: string;
}

export type TaskStatus =
  | 'PROVISIONING'
  | 'PENDING'
  | 'ACTIVATING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED'
  | 'DELETED'
  /** DescribeTasks `failures` reason MISSING: ECS does not know the task (any more). */
  | 'MISSING';

/** What DescribeTasks says about a task, reduced to what the control plane decides on. */
export interface TaskSnapshot {
  taskArn: string;
  lastStatus: TaskStatus;
  /** The `wordpress` container's exit code, once it stopped. */
  exitCode?: number;
  stoppedReason?: string;
}

export interface OneOffTasks {
  /** RunTask with the service's task definition, launch type and awsvpc configuration. */
  runTask(ref: ServiceRef, task: OneOffTask): Promise<{ taskArn: string }>;
  describeTask(environment: HostingEnvironment, cluster: string, taskArn: string): Promise<TaskSnapshot>;
}
