import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  RunTaskCommand,
  type ECSClient,
  type Service,
} from '@aws-sdk/client-ecs';
import type { HostingEnvironment } from '@bbws/shared-contracts';
import { NotFoundError, UpstreamError } from '@bbws/shared-errors';
import type { CallSubject } from './compute-error.mapper';
import type { OneOffTask, OneOffTasks, ServiceRef, TaskSnapshot, TaskStatus } from './compute.port';

/** The container of the instance task definition a one-off task's overrides apply to. */
export const WORDPRESS_CONTAINER = 'wordpress';

type Call = <T>(subject: CallSubject, send: () => Promise<T>) => Promise<T>;

/**
 * RunTask / DescribeTasks for one-off tasks next to an instance's service: the service's task
 * definition, launch type and awsvpc network, the `wordpress` container's command and environment
 * overridden (e.g. `bbws-archive` before a deprovision).
 */
export class EcsOneOffTasks implements OneOffTasks {
  constructor(
    private readonly ecsFor: (environment: HostingEnvironment) => ECSClient,
    private readonly call: Call,
  ) {}

  async runTask(ref: ServiceRef, task: OneOffTask): Promise<{ taskArn: string }> {
    const subject = { cluster: ref.cluster, service: ref.serviceName };
    const ecs = this.ecsFor(ref.environment);
    const described = await this.call({ action: 'DescribeServices', ...subject }, () =>
      ecs.send(new DescribeServicesCommand({ cluster: ref.cluster, services: [ref.serviceName] })),
    );
    const service = described.services?.find((candidate) => candidate.serviceName === ref.serviceName);
    if (!service?.taskDefinition) throw new NotFoundError('ECS_SERVICE', ref.serviceName);
    const output = await this.call({ action: 'RunTask', ...subject }, () =>
      ecs.send(
        new RunTaskCommand({
          cluster: ref.cluster,
          ...(task.clientToken ? { clientToken: task.clientToken } : {}),
          taskDefinition: service.taskDefinition,
          count: 1,
          startedBy: 'bbws-workers',
          group: `family:${ref.serviceName}-one-off`,
          ...launchOf(service),
          overrides: {
            containerOverrides: [
              {
                name: WORDPRESS_CONTAINER,
                command: task.command,
                environment: Object.entries(task.environment).map(([name, value]) => ({ name, value })),
              },
            ],
          },
        }),
      ),
    );
    const taskArn = output.tasks?.[0]?.taskArn;
    if (taskArn) return { taskArn };
    const failure = output.failures?.[0];
    throw new UpstreamError(
      `RunTask: ${failure?.reason ?? 'no task started'} ${failure?.detail ?? ''}`.trim(),
      {
        code: 'COMPUTE_UNAVAILABLE',
        retryable: true,
      },
    );
  }

  async describeTask(
    environment: HostingEnvironment,
    cluster: string,
    taskArn: string,
  ): Promise<TaskSnapshot> {
    const output = await this.call({ action: 'DescribeTasks', cluster }, () =>
      this.ecsFor(environment).send(new DescribeTasksCommand({ cluster, tasks: [taskArn] })),
    );
    const task = output.tasks?.find((candidate) => candidate.taskArn === taskArn);
    if (!task) {
      const failure = output.failures?.[0];
      if (!failure || failure.reason === 'MISSING') return { taskArn, lastStatus: 'MISSING' };
      throw new UpstreamError(`DescribeTasks: ${failure.reason} ${failure.detail ?? ''}`.trim(), {
        code: 'COMPUTE_UNAVAILABLE',
        retryable: true,
      });
    }
    const container =
      task.containers?.find((candidate) => candidate.name === WORDPRESS_CONTAINER) ?? task.containers?.[0];
    return {
      taskArn,
      lastStatus: (task.lastStatus ?? 'PROVISIONING') as TaskStatus,
      ...(container?.exitCode !== undefined ? { exitCode: container.exitCode } : {}),
      ...(task.stoppedReason ? { stoppedReason: task.stoppedReason } : {}),
    };
  }
}

/** The service's launch type (or capacity providers) and awsvpc network, as RunTask wants them. */
function launchOf(service: Service) {
  return {
    ...(service.capacityProviderStrategy?.length
      ? { capacityProviderStrategy: service.capacityProviderStrategy }
      : { launchType: service.launchType ?? 'FARGATE' }),
    ...(service.platformVersion ? { platformVersion: service.platformVersion } : {}),
    ...(service.networkConfiguration ? { networkConfiguration: service.networkConfiguration } : {}),
  };
}
