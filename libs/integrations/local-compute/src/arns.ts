import { randomBytes } from 'node:crypto';
import type { HostingEnvironment } from '@bbws/shared-contracts';

/** The account every local ARN names. */
export const LOCAL_ACCOUNT = '000000000000';

/** `{env}-cluster`, env lower-case (e.g. `dev-cluster`). */
export function clusterName(environment: HostingEnvironment): string {
  return `${environment.toLowerCase()}-cluster`;
}

/** `{env}-{slug}-service` and `{env}-{slug}-tg` (env lower-case), as the Terraform module names them. */
export function instanceResourceNames(environment: HostingEnvironment, slug: string) {
  const prefix = `${environment.toLowerCase()}-${slug}`;
  return { serviceName: `${prefix}-service`, targetGroupName: `${prefix}-tg` };
}

export class ArnFactory {
  constructor(private readonly region: string) {}

  cluster(environment: HostingEnvironment): string {
    return `arn:aws:ecs:${this.region}:${LOCAL_ACCOUNT}:cluster/${clusterName(environment)}`;
  }

  service(environment: HostingEnvironment, serviceName: string): string {
    return `arn:aws:ecs:${this.region}:${LOCAL_ACCOUNT}:service/${clusterName(environment)}/${serviceName}`;
  }

  taskDefinition(serviceName: string): string {
    return `arn:aws:ecs:${this.region}:${LOCAL_ACCOUNT}:task-definition/${serviceName}:1`;
  }

  loadBalancer(environment: HostingEnvironment): string {
    return `${this.elb()}:loadbalancer/app/${environment.toLowerCase()}-alb/${hexId()}`;
  }

  listener(loadBalancerArn: string): string {
    return `${loadBalancerArn.replace(':loadbalancer/', ':listener/')}/${hexId()}`;
  }

  rule(listenerArn: string): string {
    return `${listenerArn.replace(':listener/', ':listener-rule/')}/${hexId()}`;
  }

  targetGroup(name: string): string {
    return `${this.elb()}:targetgroup/${name}/${hexId()}`;
  }

  private elb(): string {
    return `arn:aws:elasticloadbalancing:${this.region}:${LOCAL_ACCOUNT}`;
  }
}

function hexId(): string {
  return randomBytes(8).toString('hex');
}

/** The last path segment of an ARN (a service or cluster name), or the value itself when it is a name. */
export function nameOf(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
}
