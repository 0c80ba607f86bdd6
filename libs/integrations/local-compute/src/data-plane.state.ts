import type { HostingEnvironment } from '@bbws/shared-contracts';

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface DeploymentState {
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  failedTasks: number;
  rolloutState: RolloutState;
  rolloutStateReason: string;
  createdAt: string;
  updatedAt: string;
}

export interface ServiceEventState {
  id: string;
  createdAt: string;
  message: string;
}

export interface ServiceState {
  environment: HostingEnvironment;
  slug: string;
  serviceName: string;
  serviceArn: string;
  targetGroupArn: string;
  /** The listener rule routing the instance's hosts (forwarding or, in maintenance, a fixed response). */
  ruleArn: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  createdAt: string;
  deployments: DeploymentState[];
  /** Newest first, at most 100 (as ECS keeps them). */
  events: ServiceEventState[];
}

export type RuleActionState =
  | { type: 'forward'; targetGroupArn: string }
  | { type: 'fixed-response'; statusCode: string; contentType: string; messageBody: string };

export interface RuleState {
  ruleArn: string;
  listenerArn: string;
  /** 1-50000; undefined for the listener's default rule. */
  priority?: number;
  hosts: string[];
  action: RuleActionState;
  tags: Record<string, string>;
}

export interface ListenerState {
  environment: HostingEnvironment;
  loadBalancerArn: string;
  listenerArn: string;
  defaultRuleArn: string;
}

export interface TargetGroupState {
  environment: HostingEnvironment;
  slug: string;
  name: string;
  targetGroupArn: string;
  tags: Record<string, string>;
}

export type TaskStatus = 'PROVISIONING' | 'RUNNING' | 'STOPPED';

/** A one-off task (RunTask) of an instance's task definition. */
export interface TaskState {
  taskArn: string;
  environment: HostingEnvironment;
  slug: string;
  serviceName: string;
  taskDefinitionArn: string;
  group: string;
  startedBy?: string;
  /** RunTask's idempotency token. */
  clientToken?: string;
  command: string[];
  /** Names only: values (presigned URLs, secrets) are not kept. */
  environmentNames: string[];
  lastStatus: TaskStatus;
  createdAt: string;
  startedAt?: string;
  stoppedAt?: string;
  stopCode?: 'EssentialContainerExited' | 'TaskFailedToStart';
  stoppedReason?: string;
  exitCode?: number;
  /** The container's output, last 200 lines (CloudWatch Logs in AWS). */
  log: string[];
}

/** Everything the local ECS + ALB hold, persisted as one JSON document. */
export interface DataPlaneState {
  version: 1;
  listeners: Partial<Record<HostingEnvironment, ListenerState>>;
  services: Record<string, ServiceState>;
  targetGroups: Record<string, TargetGroupState>;
  rules: Record<string, RuleState>;
  /** One-off tasks by ARN (absent in states saved before tasks existed). */
  tasks: Record<string, TaskState>;
}

export function emptyState(): DataPlaneState {
  return { version: 1, listeners: {}, services: {}, targetGroups: {}, rules: {}, tasks: {} };
}
