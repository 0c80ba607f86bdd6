import type { HostingEnvironment } from '@bbws/shared-contracts';

/** API.md § Instances: provisioning, runtime, failure and deprovisioning states. */
export const INSTANCE_STATUSES = [
  'PENDING_PROVISIONING',
  'COMMITTING',
  'WORKFLOW_QUEUED',
  'WORKFLOW_RUNNING',
  'PROVISIONING',
  'ACTIVE',
  'WORKFLOW_FAILED',
  'FAILED',
  'SCALING',
  'UPDATING',
  'SUSPENDING',
  'SUSPENDED',
  'RESUMING',
  'PARKING',
  'PARKED',
  'UNPARKING',
  'PENDING_DEPROVISIONING',
  'DEPROVISIONING',
  'DEPROVISIONED',
] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

export const INSTANCE_TIER_NAMES = ['STANDARD', 'PROFESSIONAL', 'ENTERPRISE'] as const;
export type InstanceTierName = (typeof INSTANCE_TIER_NAMES)[number];

/** Where the instance's Terraform lives and what the last commit and workflow run were. */
export interface InstanceGitOps {
  repository: string;
  branch: string;
  /** `tenants/{slug}` */
  path: string;
  lastCommitSha: string | null;
  lastWorkflowRunId: number | null;
  lastWorkflowUrl: string | null;
}

/** The cloud resources the instance owns (names per API.md's naming rules). */
export interface InstanceResources {
  cluster: string;
  serviceName: string;
  targetGroup: string;
  listenerArn: string;
  listenerRulePriority: number;
  /** Set once the workflow created the rule. */
  listenerRuleArn: string | null;
  /** Set once the workflow created the target group. */
  targetGroupArn: string | null;
  databaseName: string;
  secretName: string;
  host: string;
}

export interface InstanceError {
  code: string;
  message: string;
  at: string;
  operationId?: string;
}

export interface Instance {
  instanceId: string;
  tenantId: string;
  environment: HostingEnvironment;
  tier: InstanceTierName;
  status: InstanceStatus;
  desiredCount: number;
  runningCount: number;
  cpu: number;
  memory: number;
  wordpressVersion: string;
  /** The network's base URL. */
  endpoint: string;
  slug: string;
  opportunityId: string | null;
  gitOps: InstanceGitOps;
  resources: InstanceResources;
  /** The desired count before a suspend/park took the service to zero (restored on resume/unpark). */
  previousDesiredCount: number | null;
  lastError: InstanceError | null;
  /** The last runtime event the events consumer recorded. */
  lastRuntimeEvent: { name: string; at: string } | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}
