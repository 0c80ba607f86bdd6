import type { HostingEnvironment } from '@bbws/shared-contracts';
import { token } from '@bbws/shared-util';
import type { HostRule } from './host-rules.planner';

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

/** The listener an instance's hosts are routed on and the instance's target group. */
export interface HostRulesTarget {
  environment: HostingEnvironment;
  listenerArn: string;
  targetGroupArn: string;
}

export interface SiteHostRef extends HostRulesTarget {
  host: string;
}

/** A listener-rule priority reserved by the caller (1-50000); asked again when ELBv2 says it is in use. */
export type NextPriority = () => number | Promise<number>;

/** What adding or removing a site host changed on the listener. */
export interface SiteHostChange {
  host: string;
  /** `none`: the host was already routed (add) or not routed (remove). */
  action: 'none' | 'modified' | 'created' | 'deleted';
  /** The rule that routes the host now (add), or that routed it (remove); absent for a no-op remove. */
  ruleArn?: string;
  priority?: number;
  /** ELBv2 writes made, a retry after a concurrent change included. */
  writes: number;
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
  /**
   * The rules routing hosts to the target group: the instance's own rule first, then the rules
   * created for site hosts (tagged `bbws:site-hosts`) by priority. Rules in maintenance count.
   */
  listHostRules(target: HostRulesTarget): Promise<HostRule[]>;
  /**
   * Routes `host` to the instance: into the first of its rules with fewer than 5 values, else a new
   * rule (priority from `nextPriority`). 422 `LISTENER_RULES_EXHAUSTED` when the load balancer holds
   * 100 rules.
   */
  addSiteHost(ref: SiteHostRef, nextPriority: NextPriority): Promise<SiteHostChange>;
  /** Stops routing `host`; a site rule left empty is deleted. */
  removeSiteHost(ref: SiteHostRef): Promise<SiteHostChange>;
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
