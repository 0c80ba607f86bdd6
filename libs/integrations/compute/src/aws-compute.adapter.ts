import { DescribeServicesCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import {
  AddTagsCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  ModifyRuleCommand,
  type Rule,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { HostingEnvironment } from '@bbws/shared-contracts';
import { ConflictError, NotFoundError, UpstreamError, ValidationError } from '@bbws/shared-errors';
import { ComputeClientPool } from './compute-clients';
import { mapComputeError, type CallSubject } from './compute-error.mapper';
import type { ComputeConfig } from './compute.config';
import type {
  ComputePort,
  HostRulesTarget,
  ListenerRuleRef,
  NextPriority,
  OneOffTask,
  RuleSnapshot,
  ServiceRef,
  ServiceSnapshot,
  SiteHostChange,
  SiteHostRef,
  TaskSnapshot,
} from './compute.port';
import { EcsOneOffTasks } from './ecs-one-off-tasks';
import type { HostRule } from './host-rules.planner';
import { maintenancePage } from './maintenance-page';
import { ruleHosts, toRuleSnapshot } from './rule-snapshot.mapper';
import { missingServiceSnapshot, toServiceSnapshot } from './service-snapshot.mapper';
import { SiteHostRules, type SiteHostRulesOptions } from './site-host-rules';

/**
 * The rule tag holding the target group a rule forwarded to before maintenance, so entering
 * maintenance twice still knows what to restore (the instance record keeps it as well).
 */
export const FORWARD_TARGET_TAG = 'bbws:forward-target-group';

/** ComputePort on the AWS SDK (ECS + ELBv2); the SDK retries throttled and 5xx calls itself. */
export class AwsComputeAdapter implements ComputePort {
  private readonly pool: ComputeClientPool;
  private readonly tasks: EcsOneOffTasks;
  private readonly siteHosts: SiteHostRules;

  constructor(config: ComputeConfig, options: { siteHosts?: SiteHostRulesOptions } = {}) {
    this.pool = new ComputeClientPool(config);
    this.tasks = new EcsOneOffTasks(
      (environment) => this.pool.for(environment).ecs,
      (subject, send) => this.call(subject, send),
    );
    this.siteHosts = new SiteHostRules(
      (environment) => this.pool.for(environment).elbv2,
      (subject, send) => this.call(subject, send),
      options.siteHosts,
    );
  }

  async describeService(ref: ServiceRef): Promise<ServiceSnapshot> {
    const output = await this.call({ action: 'DescribeServices', ...serviceSubject(ref) }, () =>
      this.pool
        .for(ref.environment)
        .ecs.send(new DescribeServicesCommand({ cluster: ref.cluster, services: [ref.serviceName] })),
    );
    const service = output.services?.find((candidate) => candidate.serviceName === ref.serviceName);
    if (service) return toServiceSnapshot(service, ref.serviceName);
    const failure = output.failures?.[0];
    if (!failure || failure.reason === 'MISSING') return missingServiceSnapshot(ref.serviceName);
    throw new UpstreamError(`DescribeServices: ${failure.reason} ${failure.detail ?? ''}`.trim(), {
      code: 'COMPUTE_UNAVAILABLE',
      retryable: true,
    });
  }

  async setDesiredCount(ref: ServiceRef, desiredCount: number): Promise<ServiceSnapshot> {
    if (!Number.isInteger(desiredCount) || desiredCount < 0)
      throw ValidationError.field('desiredCount', 'must be a whole number ≥ 0');
    const output = await this.call({ action: 'UpdateService', ...serviceSubject(ref) }, () =>
      this.pool
        .for(ref.environment)
        .ecs.send(new UpdateServiceCommand({ cluster: ref.cluster, service: ref.serviceName, desiredCount })),
    );
    if (!output.service) throw new NotFoundError('ECS_SERVICE', ref.serviceName);
    return toServiceSnapshot(output.service, ref.serviceName);
  }

  async findRuleByHost(
    environment: HostingEnvironment,
    listenerArn: string,
    host: string,
  ): Promise<RuleSnapshot | undefined> {
    const wanted = host.toLowerCase();
    let marker: string | undefined;
    do {
      const output = await this.call({ action: 'DescribeRules', listenerArn }, () =>
        this.pool
          .for(environment)
          .elbv2.send(new DescribeRulesCommand({ ListenerArn: listenerArn, Marker: marker, PageSize: 100 })),
      );
      const rule = output.Rules?.find(
        (candidate) => !candidate.IsDefault && ruleHosts(candidate).includes(wanted),
      );
      if (rule) return toRuleSnapshot(rule);
      marker = output.NextMarker;
    } while (marker);
    return undefined;
  }

  async describeRule(ref: ListenerRuleRef): Promise<RuleSnapshot> {
    return toRuleSnapshot(await this.readRule(ref));
  }

  async enterMaintenance(
    ref: ListenerRuleRef,
    page: { title: string; message: string },
  ): Promise<{ previousTargetGroupArn: string }> {
    const current = toRuleSnapshot(await this.readRule(ref));
    const body = maintenancePage(page);
    let previousTargetGroupArn: string;
    if (current.action.type === 'forward') {
      previousTargetGroupArn = current.action.targetGroupArn;
      await this.call({ action: 'AddTags', ruleArn: ref.ruleArn }, () =>
        this.pool.for(ref.environment).elbv2.send(
          new AddTagsCommand({
            ResourceArns: [ref.ruleArn],
            Tags: [{ Key: FORWARD_TARGET_TAG, Value: previousTargetGroupArn }],
          }),
        ),
      );
    } else {
      previousTargetGroupArn = await this.rememberedTarget(ref);
      if (current.action.statusCode === 503 && current.action.body === body)
        return { previousTargetGroupArn };
    }
    await this.modifyActions(ref, [
      {
        Type: 'fixed-response',
        Order: 1,
        FixedResponseConfig: { StatusCode: '503', ContentType: 'text/html', MessageBody: body },
      },
    ]);
    return { previousTargetGroupArn };
  }

  async leaveMaintenance(ref: ListenerRuleRef, targetGroupArn: string): Promise<void> {
    if (!targetGroupArn) throw ValidationError.field('targetGroupArn', 'is required');
    const current = toRuleSnapshot(await this.readRule(ref));
    if (current.action.type === 'forward' && current.action.targetGroupArn === targetGroupArn) return;
    await this.modifyActions(
      ref,
      [{ Type: 'forward', Order: 1, TargetGroupArn: targetGroupArn }],
      targetGroupArn,
    );
  }

  listHostRules(target: HostRulesTarget): Promise<HostRule[]> {
    return this.siteHosts.list(target);
  }

  addSiteHost(ref: SiteHostRef, nextPriority: NextPriority): Promise<SiteHostChange> {
    return this.siteHosts.add(ref, nextPriority);
  }

  removeSiteHost(ref: SiteHostRef): Promise<SiteHostChange> {
    return this.siteHosts.remove(ref);
  }

  runTask(ref: ServiceRef, task: OneOffTask): Promise<{ taskArn: string }> {
    return this.tasks.runTask(ref, task);
  }

  describeTask(environment: HostingEnvironment, cluster: string, taskArn: string): Promise<TaskSnapshot> {
    return this.tasks.describeTask(environment, cluster, taskArn);
  }

  /** Closes the SDK clients' sockets. */
  destroy(): void {
    this.pool.destroy();
  }

  private async readRule(ref: ListenerRuleRef): Promise<Rule> {
    const output = await this.call({ action: 'DescribeRules', ruleArn: ref.ruleArn }, () =>
      this.pool.for(ref.environment).elbv2.send(new DescribeRulesCommand({ RuleArns: [ref.ruleArn] })),
    );
    const rule = output.Rules?.find((candidate) => candidate.RuleArn === ref.ruleArn);
    if (!rule) throw new NotFoundError('LISTENER_RULE', ref.ruleArn);
    return rule;
  }

  private async rememberedTarget(ref: ListenerRuleRef): Promise<string> {
    const output = await this.call({ action: 'DescribeTags', ruleArn: ref.ruleArn }, () =>
      this.pool.for(ref.environment).elbv2.send(new DescribeTagsCommand({ ResourceArns: [ref.ruleArn] })),
    );
    const tag = output.TagDescriptions?.[0]?.Tags?.find((candidate) => candidate.Key === FORWARD_TARGET_TAG);
    if (tag?.Value) return tag.Value;
    throw new ConflictError(
      'MAINTENANCE_TARGET_UNKNOWN',
      `Listener rule ${ref.ruleArn} answers a fixed response and names no target group to restore`,
      { ruleArn: ref.ruleArn },
    );
  }

  private async modifyActions(
    ref: ListenerRuleRef,
    actions: NonNullable<ConstructorParameters<typeof ModifyRuleCommand>[0]['Actions']>,
    targetGroupArn?: string,
  ): Promise<void> {
    await this.call({ action: 'ModifyRule', ruleArn: ref.ruleArn, targetGroupArn }, () =>
      this.pool
        .for(ref.environment)
        .elbv2.send(new ModifyRuleCommand({ RuleArn: ref.ruleArn, Actions: actions })),
    );
  }

  private async call<T>(subject: CallSubject, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw mapComputeError(error, subject);
    }
  }
}

function serviceSubject(ref: ServiceRef): Pick<CallSubject, 'cluster' | 'service'> {
  return { cluster: ref.cluster, service: ref.serviceName };
}

/** The production compute adapter for a config `{ [env]: { region, ecsEndpoint?, elbv2Endpoint?, credentials? } }`. */
export function createComputeAdapter(config: ComputeConfig): AwsComputeAdapter {
  return new AwsComputeAdapter(config);
}
