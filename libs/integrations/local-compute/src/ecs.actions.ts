import { clusterName, nameOf } from './arns';
import { AwsApiError } from './aws-api.error';
import type { ServiceState } from './data-plane.state';
import { serviceJson } from './ecs-json.codec';
import { EcsTaskActions } from './ecs-task.actions';
import type { LocalDataPlane } from './local-data-plane';

type JsonObject = Record<string, unknown>;

/** The ECS actions the compute adapter uses, over the data plane's state (AWS JSON 1.1 bodies). */
export class EcsActions {
  private readonly tasks: EcsTaskActions;

  constructor(private readonly plane: LocalDataPlane) {
    this.tasks = new EcsTaskActions(plane);
  }

  async handle(action: string, body: JsonObject): Promise<JsonObject> {
    switch (action) {
      case 'UpdateService':
        return this.updateService(body);
      case 'DescribeServices':
        return this.describeServices(body);
      case 'RunTask':
        return this.tasks.runTask(body, this.cluster(body.cluster));
      case 'DescribeTasks':
        return this.tasks.describeTasks(body, this.cluster(body.cluster));
      default:
        throw new AwsApiError(
          'UnknownOperationException',
          `The local data plane does not implement ECS ${action}`,
        );
    }
  }

  private async updateService(body: JsonObject): Promise<JsonObject> {
    const environment = this.cluster(body.cluster);
    if (typeof body.service !== 'string' || !body.service)
      throw new AwsApiError('InvalidParameterException', 'service is required.');
    const desiredCount = body.desiredCount;
    if (desiredCount !== undefined && (!Number.isInteger(desiredCount) || (desiredCount as number) < 0))
      throw new AwsApiError('InvalidParameterException', 'desiredCount must be a non-negative integer.');
    const service = this.service(environment, body.service);
    if (!service) throw new AwsApiError('ServiceNotFoundException', 'Service not found.');
    if (typeof desiredCount === 'number') {
      await this.plane.scaleService(service, desiredCount);
      await this.plane.save();
    }
    return { service: serviceJson(service, this.plane.arns.cluster(environment)) };
  }

  private describeServices(body: JsonObject): JsonObject {
    const environment = this.cluster(body.cluster);
    const names = body.services;
    if (
      !Array.isArray(names) ||
      !names.length ||
      names.length > 10 ||
      names.some((name) => typeof name !== 'string')
    )
      throw new AwsApiError('InvalidParameterException', 'services must name 1 to 10 services.');
    const services: JsonObject[] = [];
    const failures: JsonObject[] = [];
    for (const name of names as string[]) {
      const service = this.service(environment, name);
      if (service) services.push(serviceJson(service, this.plane.arns.cluster(environment)));
      else failures.push({ arn: this.plane.arns.service(environment, nameOf(name)), reason: 'MISSING' });
    }
    return { services, failures };
  }

  /** The environment whose cluster `cluster` names (ECS's default cluster is `default`). */
  private cluster(cluster: unknown) {
    if (cluster !== undefined && typeof cluster !== 'string')
      throw new AwsApiError('InvalidParameterException', 'cluster must be a string.');
    const name = nameOf(cluster ?? 'default');
    const environment = this.plane.environments.find((candidate) => clusterName(candidate) === name);
    if (!environment) throw new AwsApiError('ClusterNotFoundException', 'Cluster not found.');
    return environment;
  }

  private service(environment: string, nameOrArn: string): ServiceState | undefined {
    const name = nameOf(nameOrArn);
    return Object.values(this.plane.current.services).find(
      (service) => service.environment === environment && service.serviceName === name,
    );
  }
}
