import {
  InstanceGuardTakenError,
  type Instance,
  type InstanceDao,
  type InstanceTierName,
} from '@bbws/data-access-instances';
import type { TenantSummaryReader } from '@bbws/data-access-memberships';
import { requirePlatformAdmin, type Caller, type TenantAccessService } from '@bbws/platform-auth';
import type { OperationLauncher } from '@bbws/platform-operations';
import { desiredCountRange, type HostingEnvironments } from '@bbws/shared-config';
import { MESSAGES, type HostingEnvironment, type Operation } from '@bbws/shared-contracts';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from '@bbws/shared-errors';
import { newId, type Clock } from '@bbws/shared-util';
import { instanceExists, toInstanceAppError } from '../instance-errors';
import { baseSlug, randomRulePriority, slugCandidate } from '../instance-slug';

export interface ProvisionInput {
  environment: HostingEnvironment;
  tier?: InstanceTierName;
  desiredCount?: number;
  wordpressVersion?: string;
  opportunityId?: string;
}

/** Tenants in these statuses may get new instances (API.md: not PARKED, SUSPENDED, DEPROVISIONED...). */
const TENANT_STATUSES_FOR_NEW_INSTANCES = ['PENDING', 'ACTIVE'];

/** Slug and priority collisions are retried with the next candidate this many times. */
const MAX_ATTEMPTS = 12;

/**
 * POST /tenants/{t}/instances: the instance PENDING_PROVISIONING with its slug guard and listener-rule
 * priority reservation, the INSTANCE_PROVISION operation and its lock, in one transaction; then its
 * message. One instance per tenant and environment (409 INSTANCE_EXISTS).
 */
export class ProvisionInstance {
  constructor(
    private readonly instances: Pick<InstanceDao, 'get' | 'createWrites'>,
    private readonly tenants: Pick<TenantSummaryReader, 'find'>,
    private readonly access: Pick<TenantAccessService, 'require'>,
    private readonly launcher: Pick<OperationLauncher, 'launch'>,
    private readonly environments: HostingEnvironments,
    private readonly clock: Clock,
  ) {}

  async provision(
    caller: Caller,
    tenantId: string,
    input: ProvisionInput,
    correlationId: string,
  ): Promise<Operation> {
    await this.access.require(caller, tenantId);
    requirePlatformAdmin(caller);
    const settings = this.environments[input.environment];
    const tier = input.tier ?? 'STANDARD';
    const size = settings.tiers[tier];
    const desiredCount = input.desiredCount ?? size.desiredCount;
    const range = desiredCountRange(input.environment);
    if (desiredCount < range.min || desiredCount > range.max)
      throw ValidationError.field(
        'desiredCount',
        `must be between ${range.min} and ${range.max} in ${input.environment}`,
      );
    const tenant = await this.tenants.find(tenantId);
    if (!tenant) throw new NotFoundError('TENANT', tenantId);
    if (!TENANT_STATUSES_FOR_NEW_INSTANCES.includes(tenant.status))
      throw new BusinessRuleError('TENANT_NOT_ACTIVE', `A ${tenant.status} tenant gets no new instances`, {
        tenantStatus: tenant.status,
        allowedTenantStatuses: TENANT_STATUSES_FOR_NEW_INSTANCES,
      });
    const existing = await this.instances.get(tenantId, input.environment);
    if (existing && existing.status !== 'DEPROVISIONED')
      throw instanceExists(input.environment, existing.instanceId);

    const base = baseSlug(tenant.organizationName);
    const instanceId = newId('inst');
    let slugAttempt = 0;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const slug = slugCandidate(base, slugAttempt);
      const instance = this.newInstance(caller, tenantId, instanceId, input, slug, tier, desiredCount);
      try {
        return await this.launcher.launch({
          contract: MESSAGES.INSTANCE_PROVISION,
          tenantId,
          resourceType: 'instance',
          resourceId: instanceId,
          createdBy: caller.userId,
          correlationId,
          payload: {
            instanceId,
            environment: input.environment,
            tier,
            desiredCount,
            ...(input.wordpressVersion ? { wordpressVersion: input.wordpressVersion } : {}),
            ...(input.opportunityId ? { opportunityId: input.opportunityId } : {}),
          },
          extra: this.instances.createWrites(instance),
        });
      } catch (error) {
        if (!(error instanceof InstanceGuardTakenError)) {
          throw toInstanceAppError(error, { instanceId, requestedStatus: 'PENDING_PROVISIONING' });
        }
        if (error.guard === 'SLUG') slugAttempt += 1;
      }
    }
    throw new ConflictError('CONFLICT', 'Could not reserve a slug and listener-rule priority; retry');
  }

  private newInstance(
    caller: Caller,
    tenantId: string,
    instanceId: string,
    input: ProvisionInput,
    slug: string,
    tier: InstanceTierName,
    desiredCount: number,
  ): Instance {
    const settings = this.environments[input.environment];
    const env = input.environment.toLowerCase();
    const host = `${slug}.${settings.domainSuffix}`;
    const port = settings.siteUrl.port ? `:${settings.siteUrl.port}` : '';
    const now = this.clock.now().toISOString();
    const { cpu, memory } = settings.tiers[tier];
    return {
      instanceId,
      tenantId,
      environment: input.environment,
      tier,
      status: 'PENDING_PROVISIONING',
      desiredCount,
      runningCount: 0,
      cpu,
      memory,
      wordpressVersion: input.wordpressVersion ?? settings.defaultWordpressVersion,
      endpoint: `${settings.siteUrl.scheme}://${host}${port}/`,
      slug,
      opportunityId: input.opportunityId ?? null,
      gitOps: {
        repository: settings.gitops.repository,
        branch: settings.gitops.branch,
        path: `tenants/${slug}`,
        lastCommitSha: null,
        lastWorkflowRunId: null,
        lastWorkflowUrl: null,
      },
      resources: {
        cluster: settings.cluster,
        serviceName: `${env}-${slug}-service`,
        targetGroup: `${env}-${slug}-tg`,
        listenerArn: settings.listenerArn,
        listenerRulePriority: randomRulePriority(),
        listenerRuleArn: null,
        targetGroupArn: null,
        databaseName: `${slug}_db`,
        secretName: `${env}-${slug}-db-credentials`,
        host,
      },
      previousDesiredCount: null,
      lastError: null,
      lastRuntimeEvent: null,
      createdAt: now,
      createdBy: caller.userId,
      updatedAt: now,
      version: 1,
    };
  }
}
