import { API_ROUTES, LOCAL_API_APPS, type LocalApiApp } from '@bbws/shared-config';
import { containerPort, pascal } from './deployable-apps';
import { ref, type CfnResources } from './template-types';

/** The header API Gateway sets on each integration; the ALB's listener rules forward by it. */
export const APP_HEADER = 'x-bbws-app';

/** The HTTP API's route keys of one prefix: the prefix itself and everything below it. */
export function routeKeys(prefix: string): string[] {
  return [`ANY ${prefix}`, `ANY ${prefix}/{proxy+}`];
}

export const integrationLogicalId = (app: LocalApiApp) => `${pascal(app)}Integration`;
export const targetGroupLogicalId = (app: LocalApiApp) => `${pascal(app)}TargetGroup`;

/**
 * HTTP API -> VPC link -> internal ALB -> one target group per API app. Each route of API_ROUTES
 * integrates with its app; the integration names the app in a header the listener rule matches, so
 * the longest-prefix choice is API Gateway's alone.
 */
export function apiGatewayResources(stage: string): CfnResources {
  const resources: CfnResources = {
    HttpApi: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: { Name: `bbws-control-plane-${stage}`, ProtocolType: 'HTTP' },
    },
    HttpApiDefaultStage: {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: ref('HttpApi'), StageName: '$default', AutoDeploy: true },
    },
    VpcLink: {
      Type: 'AWS::ApiGatewayV2::VpcLink',
      Properties: {
        Name: `bbws-control-plane-${stage}`,
        SubnetIds: ref('PrivateSubnetIds'),
        SecurityGroupIds: [ref('LoadBalancerSecurityGroup')],
      },
    },
    LoadBalancer: {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      Properties: {
        Scheme: 'internal',
        Type: 'application',
        Subnets: ref('PrivateSubnetIds'),
        SecurityGroups: [ref('LoadBalancerSecurityGroup')],
      },
    },
    Listener: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: ref('LoadBalancer'),
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [
          {
            Type: 'fixed-response',
            FixedResponseConfig: { StatusCode: '404', ContentType: 'application/json', MessageBody: '{}' },
          },
        ],
      },
    },
  };
  LOCAL_API_APPS.forEach((app, index) => Object.assign(resources, appResources(app, index + 1)));
  for (const [prefix, app] of API_ROUTES) {
    for (const routeKey of routeKeys(prefix)) {
      resources[`${pascal(routeKey)}Route`] = {
        Type: 'AWS::ApiGatewayV2::Route',
        Properties: {
          ApiId: ref('HttpApi'),
          RouteKey: routeKey,
          Target: { 'Fn::Join': ['/', ['integrations', ref(integrationLogicalId(app))]] },
        },
      };
    }
  }
  return resources;
}

function appResources(app: LocalApiApp, priority: number): CfnResources {
  return {
    [targetGroupLogicalId(app)]: {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      Properties: {
        VpcId: ref('VpcId'),
        TargetType: 'ip',
        Protocol: 'HTTP',
        Port: containerPort(app),
        HealthCheckPath: '/health',
        Matcher: { HttpCode: '200' },
      },
    },
    [`${pascal(app)}ListenerRule`]: {
      Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
      Properties: {
        ListenerArn: ref('Listener'),
        Priority: priority,
        Conditions: [
          { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: APP_HEADER, Values: [app] } },
        ],
        Actions: [{ Type: 'forward', TargetGroupArn: ref(targetGroupLogicalId(app)) }],
      },
    },
    [integrationLogicalId(app)]: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: ref('HttpApi'),
        IntegrationType: 'HTTP_PROXY',
        IntegrationMethod: 'ANY',
        ConnectionType: 'VPC_LINK',
        ConnectionId: ref('VpcLink'),
        IntegrationUri: ref('Listener'),
        PayloadFormatVersion: '1.0',
        RequestParameters: { [`overwrite:header.${APP_HEADER}`]: app },
      },
    },
  };
}
