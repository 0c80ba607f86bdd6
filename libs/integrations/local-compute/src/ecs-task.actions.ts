import { nameOf } from './arns';
import { AwsApiError } from './aws-api.error';
import type { ServiceState } from './data-plane.state';
import { taskJson } from './ecs-task.codec';
import type { LocalDataPlane } from './local-data-plane';

type JsonObject = Record<string, unknown>;

/** ECS RunTask and DescribeTasks (AWS JSON 1.1 bodies) for one-off tasks of an instance's task definition. */
export class EcsTaskActions {
  constructor(private readonly plane: LocalDataPlane) {}

  async runTask(body: JsonObject, environment: string): Promise<JsonObject> {
    const definition = body.taskDefinition;
    if (typeof definition !== 'string' || !definition)
      throw new AwsApiError('InvalidParameterException', 'taskDefinition is required.');
    if (
      body.clientToken !== undefined &&
      (typeof body.clientToken !== 'string' || body.clientToken.length > 64)
    )
      throw new AwsApiError('InvalidParameterException', 'clientToken must be at most 64 characters.');
    if (body.count !== undefined && body.count !== 1)
      throw new AwsApiError('InvalidParameterException', 'The local data plane runs one task per RunTask.');
    if (body.launchType !== undefined && body.launchType !== 'FARGATE')
      throw new AwsApiError('InvalidParameterException', 'launchType must be FARGATE.');
    if (!isObject(body.networkConfiguration) || !isObject(body.networkConfiguration.awsvpcConfiguration))
      throw new AwsApiError(
        'InvalidParameterException',
        "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
      );
    const service = this.serviceOf(environment, definition);
    if (!service)
      throw new AwsApiError('ClientException', `Unable to describe task definition ${definition}.`);
    const override = this.containerOverride(body.overrides);
    const task = await this.plane.tasks.start({
      service,
      taskDefinitionArn:
        service.deployments[0]?.taskDefinition ?? this.plane.arns.taskDefinition(service.serviceName),
      command: override.command,
      environment: override.environment,
      group: typeof body.group === 'string' ? body.group : undefined,
      startedBy: typeof body.startedBy === 'string' ? body.startedBy : undefined,
      clientToken: typeof body.clientToken === 'string' ? body.clientToken : undefined,
    });
    return { tasks: [taskJson(task, this.plane.arns.cluster(service.environment))], failures: [] };
  }

  describeTasks(body: JsonObject, environment: string): JsonObject {
    const arns = body.tasks;
    if (
      !Array.isArray(arns) ||
      !arns.length ||
      arns.length > 100 ||
      arns.some((arn) => typeof arn !== 'string')
    )
      throw new AwsApiError('InvalidParameterException', 'tasks must name 1 to 100 tasks.');
    const tasks: JsonObject[] = [];
    const failures: JsonObject[] = [];
    for (const arn of arns as string[]) {
      const task = this.plane.tasks.find(arn);
      if (task?.environment === environment)
        tasks.push(taskJson(task, this.plane.arns.cluster(task.environment)));
      else failures.push({ arn, reason: 'MISSING' });
    }
    return { tasks, failures };
  }

  /** The service whose task definition `definition` names (ARN, `family:revision` or family). */
  private serviceOf(environment: string, definition: string): ServiceState | undefined {
    const family = nameOf(definition).replace(/:\d+$/, '');
    return Object.values(this.plane.current.services).find(
      (service) => service.environment === environment && service.serviceName === family,
    );
  }

  private containerOverride(overrides: unknown): { command: string[]; environment: Record<string, string> } {
    const list = isObject(overrides) ? overrides.containerOverrides : undefined;
    const override = Array.isArray(list) ? (list as unknown[]).find(isObject) : undefined;
    if (!override || override.name !== 'wordpress')
      throw new AwsApiError(
        'InvalidParameterException',
        'overrides.containerOverrides must name the container wordpress.',
      );
    const command = override.command;
    if (!Array.isArray(command) || !command.length || command.some((part) => typeof part !== 'string'))
      throw new AwsApiError(
        'InvalidParameterException',
        'containerOverrides.command must be a list of strings.',
      );
    const environment: Record<string, string> = {};
    const pairs = override.environment ?? [];
    if (!Array.isArray(pairs))
      throw new AwsApiError('InvalidParameterException', 'containerOverrides.environment must be a list.');
    for (const pair of pairs) {
      if (!isObject(pair) || typeof pair.name !== 'string' || typeof pair.value !== 'string')
        throw new AwsApiError('InvalidParameterException', 'environment entries need a name and a value.');
      environment[pair.name] = pair.value;
    }
    return { command: command as string[], environment };
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
