import { HOSTING_ENVIRONMENTS, type HostingEnvironment } from '@bbws/shared-contracts';
import { NotFoundError, ValidationError } from '@bbws/shared-errors';
import { ArnFactory, instanceResourceNames } from './arns';
import type { DataPlaneState, ListenerState, RuleState, ServiceState } from './data-plane.state';
import { DataPlaneStore } from './data-plane.store';
import { EcsEventPublisher, type EcsEventsOptions, type ServiceEventInput } from './ecs-event.publisher';
import { normalizeHost, routeHost, type HostRoute, type HostRoutes } from './host-routes';
import { OneOffTaskRuns } from './one-off-tasks';
import { primaryDeployment, ServiceConvergence } from './service-convergence';
import { newDeployment, newService } from './service-records';
import { assertHost, assertRegistration, defaultOnError, unique } from './registration.validation';
import { NO_TASK_RUNNER, type TaskRunner } from './task-runner.port';
import type { WorkerFleet } from './worker-fleet.port';

export interface LocalDataPlaneOptions {
  dataDir: string;
  region: string;
  fleet: WorkerFleet;
  /** Runs one-off tasks (RunTask); without it every command exits 127. */
  tasks?: TaskRunner;
  /** Where ECS-shaped events go (the instance-events queue); none are sent without it. */
  events?: EcsEventsOptions;
  /** Hosting environments with a cluster and a listener (default DEV, SIT, PROD). */
  environments?: readonly HostingEnvironment[];
  /** The ARN a new listener of an environment gets (the hosting environments' `listenerArn`); generated otherwise. */
  listenerArns?: Partial<Record<HostingEnvironment, string>>;
  /** How often a converging service's workers are probed (default 250 ms). */
  pollIntervalMs?: number;
  /** How long workers may take to become healthy before the rollout fails (default 120 s). */
  convergenceTimeoutMs?: number;
  /** Called when an event cannot be sent or a background save fails (default: a process warning). */
  onError?: (error: unknown, context: string) => void;
}

export interface RegisterInstanceInput {
  environment: HostingEnvironment;
  slug: string;
  serviceName?: string;
  hosts: string[];
  priority: number;
  desiredCount: number;
}

export interface RegisteredInstance {
  serviceArn: string;
  targetGroupArn: string;
  ruleArn: string;
  listenerArn: string;
}

/**
 * The local stand-in for ECS + the ALB: clusters `{env}-cluster`, one service, target group and
 * listener rule per instance, one listener per environment (call `start()` first). The control endpoints
 * (`startControlServer`) and the GitOps runner's apply/destroy act on it; the front door asks it
 * where a host goes.
 */
export class LocalDataPlane implements HostRoutes {
  readonly arns: ArnFactory;
  readonly environments: readonly HostingEnvironment[];
  readonly convergence: ServiceConvergence;
  readonly tasks: OneOffTaskRuns;
  private state!: DataPlaneState;
  private readonly store: DataPlaneStore;
  private readonly publisher?: EcsEventPublisher;

  constructor(private readonly options: LocalDataPlaneOptions) {
    this.arns = new ArnFactory(options.region);
    this.environments = options.environments ?? HOSTING_ENVIRONMENTS;
    this.store = new DataPlaneStore(options.dataDir);
    this.publisher = options.events ? new EcsEventPublisher(options.region, options.events) : undefined;
    this.convergence = new ServiceConvergence({
      fleet: options.fleet,
      clusterArn: (environment) => this.arns.cluster(environment),
      publish: (input) => this.publish(input),
      save: () => this.save(),
      pollIntervalMs: options.pollIntervalMs ?? 250,
      timeoutMs: options.convergenceTimeoutMs ?? 120_000,
      onError: (error, context) => (options.onError ?? defaultOnError)(error, context),
    });
    this.tasks = new OneOffTaskRuns({
      region: options.region,
      runner: options.tasks ?? NO_TASK_RUNNER,
      state: () => this.state,
      save: () => this.save(),
      onError: (error, context) => (options.onError ?? defaultOnError)(error, context),
    });
  }

  get region(): string {
    return this.options.region;
  }

  /** Loads the saved state, creates missing listeners, and restarts every service's workers (as ECS would). */
  async start(): Promise<void> {
    this.state = await this.store.load();
    for (const environment of this.environments) this.listener(environment);
    await this.tasks.recover();
    await this.save();
    for (const service of Object.values(this.state.services))
      if (service.desiredCount > 0) void this.convergence.converge(service);
  }

  async stop(): Promise<void> {
    await this.tasks.stop();
    await this.convergence.stop();
    this.publisher?.close();
  }

  /** Creates (or finds) the instance's service, target group and listener rule, then starts its workers. */
  async registerInstance(input: RegisterInstanceInput): Promise<RegisteredInstance> {
    assertRegistration(input, this.environments);
    const listener = this.listener(input.environment);
    const existing = this.findService(input.environment, input.slug);
    if (existing) {
      const rule = this.instanceRule(existing);
      if (rule.priority !== input.priority) {
        this.assertPriorityFree(listener.listenerArn, input.priority);
        rule.priority = input.priority;
      }
      rule.hosts = unique([...rule.hosts, ...input.hosts.map(normalizeHost)]);
      await this.scaleService(existing, input.desiredCount);
      await this.save();
      return {
        serviceArn: existing.serviceArn,
        targetGroupArn: existing.targetGroupArn,
        ruleArn: rule.ruleArn,
        listenerArn: listener.listenerArn,
      };
    }
    this.assertPriorityFree(listener.listenerArn, input.priority);
    const names = instanceResourceNames(input.environment, input.slug);
    const serviceName = input.serviceName ?? names.serviceName;
    const targetGroupArn = this.arns.targetGroup(names.targetGroupName);
    this.state.targetGroups[targetGroupArn] = {
      environment: input.environment,
      slug: input.slug,
      name: names.targetGroupName,
      targetGroupArn,
      tags: {},
    };
    const ruleArn = this.arns.rule(listener.listenerArn);
    this.state.rules[ruleArn] = {
      ruleArn,
      listenerArn: listener.listenerArn,
      priority: input.priority,
      hosts: unique(input.hosts.map(normalizeHost)),
      action: { type: 'forward', targetGroupArn },
      tags: {},
    };
    const service = newService({
      environment: input.environment,
      slug: input.slug,
      serviceName,
      serviceArn: this.arns.service(input.environment, serviceName),
      taskDefinition: this.arns.taskDefinition(serviceName),
      targetGroupArn,
      ruleArn,
      desiredCount: input.desiredCount,
    });
    this.state.services[service.serviceArn] = service;
    await this.save();
    await this.announceRollout(service);
    void this.convergence.converge(service);
    return { serviceArn: service.serviceArn, targetGroupArn, ruleArn, listenerArn: listener.listenerArn };
  }

  /** Stops the instance's workers and removes its service, rule and target group (idempotent). */
  async deregisterInstance(instance: { environment: HostingEnvironment; slug: string }): Promise<void> {
    const service = this.findService(instance.environment, instance.slug);
    if (!service) return;
    this.convergence.cancel(service.serviceArn);
    await this.convergence.scaleFleet({ environment: service.environment, slug: service.slug }, 0);
    delete this.state.rules[service.ruleArn];
    delete this.state.targetGroups[service.targetGroupArn];
    delete this.state.services[service.serviceArn];
    await this.save();
  }

  async addHosts(
    instance: { environment: HostingEnvironment; slug: string },
    hosts: string[],
  ): Promise<string[]> {
    hosts.forEach(assertHost);
    const rule = this.instanceRule(instance);
    rule.hosts = unique([...rule.hosts, ...hosts.map(normalizeHost)]);
    await this.save();
    return [...rule.hosts];
  }

  async removeHosts(
    instance: { environment: HostingEnvironment; slug: string },
    hosts: string[],
  ): Promise<string[]> {
    const removed = new Set(hosts.map(normalizeHost));
    const rule = this.instanceRule(instance);
    rule.hosts = rule.hosts.filter((host) => !removed.has(host));
    await this.save();
    return [...rule.hosts];
  }

  /** Where the ALB sends a request for `host`: the first rule by priority whose host condition matches. */
  route(host: string): HostRoute | undefined {
    return routeHost(this.state, host);
  }

  routeFor(host: string): HostRoute | undefined {
    return this.route(host);
  }

  /** The live state the control endpoints read and change (then `save()`). */
  get current(): DataPlaneState {
    return this.state;
  }

  listenerArn(environment: HostingEnvironment): string {
    return this.listener(environment).listenerArn;
  }

  save(): Promise<void> {
    return this.store.save(this.state);
  }

  /**
   * Starts converging a service after its desired count changed (the ECS scheduler's job). A
   * service whose rollout failed gets a new deployment, as a forced redeployment would.
   */
  async scaleService(service: ServiceState, desiredCount: number): Promise<void> {
    const primary = primaryDeployment(service);
    const redeploy = !primary || primary.rolloutState === 'FAILED';
    if (desiredCount === service.desiredCount && !redeploy) return;
    service.desiredCount = desiredCount;
    service.pendingCount = Math.max(0, desiredCount - service.runningCount);
    if (redeploy) {
      service.deployments = [
        newDeployment(this.arns.taskDefinition(service.serviceName), desiredCount, service.runningCount),
      ];
      await this.announceRollout(service);
    } else if (primary) primary.desiredCount = desiredCount;
    void this.convergence.converge(service);
  }

  private listener(environment: HostingEnvironment): ListenerState {
    const existing = this.state.listeners[environment];
    if (existing) return existing;
    const configured = this.options.listenerArns?.[environment];
    const loadBalancerArn = configured
      ? configured.replace(':listener/', ':loadbalancer/').replace(/\/[^/]+$/, '')
      : this.arns.loadBalancer(environment);
    const listenerArn = configured ?? this.arns.listener(loadBalancerArn);
    const defaultRuleArn = this.arns.rule(listenerArn);
    this.state.rules[defaultRuleArn] = {
      ruleArn: defaultRuleArn,
      listenerArn,
      hosts: [],
      action: {
        type: 'fixed-response',
        statusCode: '404',
        contentType: 'text/plain',
        messageBody: 'Not Found',
      },
      tags: {},
    };
    const listener = { environment, loadBalancerArn, listenerArn, defaultRuleArn };
    this.state.listeners[environment] = listener;
    return listener;
  }

  private findService(environment: HostingEnvironment, slug: string): ServiceState | undefined {
    return Object.values(this.state.services).find(
      (service) => service.environment === environment && service.slug === slug,
    );
  }

  private instanceRule(instance: { environment: HostingEnvironment; slug: string }): RuleState {
    const service = this.findService(instance.environment, instance.slug);
    const rule = service && this.state.rules[service.ruleArn];
    if (!rule) throw new NotFoundError('INSTANCE', `${instance.environment}/${instance.slug}`);
    return rule;
  }

  private assertPriorityFree(listenerArn: string, priority: number): void {
    const taken = Object.values(this.state.rules).some(
      (rule) => rule.listenerArn === listenerArn && rule.priority === priority,
    );
    if (taken)
      throw ValidationError.field('priority', `${priority} is already used by another rule of the listener`);
  }

  private async announceRollout(service: ServiceState): Promise<void> {
    const deployment = service.deployments[0];
    await this.publish({
      eventName: 'SERVICE_DEPLOYMENT_IN_PROGRESS',
      serviceArn: service.serviceArn,
      deploymentId: deployment.id,
      reason: deployment.rolloutStateReason,
      at: new Date(deployment.createdAt),
    });
  }

  private async publish(input: ServiceEventInput): Promise<void> {
    if (!this.publisher) return;
    try {
      await this.publisher.publish(input);
    } catch (error) {
      (this.options.onError ?? defaultOnError)(error, `sending ${input.eventName} for ${input.serviceArn}`);
    }
  }
}
