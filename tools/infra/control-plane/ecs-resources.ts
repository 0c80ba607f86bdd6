import { containerEnvironment, containerSecrets } from './app-environment';
import {
  containerPort,
  DEPLOYABLE_APPS,
  deployNames,
  isApiApp,
  pascal,
  type DeployableApp,
} from './deployable-apps';
import { targetGroupLogicalId } from './api-gateway-resources';
import { arnOf, ref, type CfnResources } from './template-types';

export const imageTagParameter = (app: DeployableApp) => `${pascal(app)}ImageTag`;
export const serviceLogicalId = (app: DeployableApp) => `${pascal(app)}Service`;
export const taskDefinitionLogicalId = (app: DeployableApp) => `${pascal(app)}TaskDefinition`;
export const repositoryLogicalId = (app: DeployableApp) => `${pascal(app)}Repository`;

/**
 * One cluster; per app an ECR repository, a Fargate task definition whose image is the repository at
 * the `<App>ImageTag` parameter, and a service (API apps behind their target group). The deploy
 * workflow rolls new images by registering task definition revisions, so the tag parameters only
 * matter when a service is first created.
 */
export function ecsResources(stage: string): CfnResources {
  const resources: CfnResources = {
    Cluster: {
      Type: 'AWS::ECS::Cluster',
      Properties: {
        ClusterName: deployNames.cluster(stage),
        ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
      },
    },
    LogGroup: {
      Type: 'AWS::Logs::LogGroup',
      Properties: { LogGroupName: `/bbws/control-plane/${stage}`, RetentionInDays: 30 },
    },
    TaskExecutionRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: assumedByEcsTasks(),
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'],
        Policies: [
          {
            PolicyName: 'read-cursor-secret',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: 'secretsmanager:GetSecretValue',
                  Resource: ref('CursorSecretArn'),
                },
              ],
            },
          },
        ],
      },
    },
    TaskRole: {
      Type: 'AWS::IAM::Role',
      Properties: { AssumeRolePolicyDocument: assumedByEcsTasks() },
    },
  };
  for (const app of DEPLOYABLE_APPS) Object.assign(resources, appResources(stage, app));
  return resources;
}

function appResources(stage: string, app: DeployableApp): CfnResources {
  const port = containerPort(app);
  return {
    [repositoryLogicalId(app)]: {
      Type: 'AWS::ECR::Repository',
      Properties: {
        RepositoryName: deployNames.repository(stage, app),
        ImageScanningConfiguration: { ScanOnPush: true },
        ImageTagMutability: 'IMMUTABLE',
      },
    },
    [taskDefinitionLogicalId(app)]: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        Family: deployNames.taskFamily(stage, app),
        RequiresCompatibilities: ['FARGATE'],
        NetworkMode: 'awsvpc',
        Cpu: '256',
        Memory: '512',
        RuntimePlatform: { OperatingSystemFamily: 'LINUX', CpuArchitecture: 'X86_64' },
        ExecutionRoleArn: arnOf('TaskExecutionRole'),
        TaskRoleArn: arnOf('TaskRole'),
        ContainerDefinitions: [
          {
            Name: app,
            Image: {
              'Fn::Sub': [
                '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/${Repository}:${Tag}',
                { Repository: ref(repositoryLogicalId(app)), Tag: ref(imageTagParameter(app)) },
              ],
            },
            Essential: true,
            PortMappings: [{ ContainerPort: port, Protocol: 'tcp' }],
            Environment: containerEnvironment(stage, app),
            Secrets: containerSecrets(),
            LogConfiguration: {
              LogDriver: 'awslogs',
              Options: {
                'awslogs-group': ref('LogGroup'),
                'awslogs-region': ref('AWS::Region'),
                'awslogs-stream-prefix': app,
              },
            },
          },
        ],
      },
    },
    [serviceLogicalId(app)]: {
      Type: 'AWS::ECS::Service',
      ...(isApiApp(app) && { DependsOn: [`${pascal(app)}ListenerRule`] }),
      Properties: {
        ServiceName: deployNames.service(app),
        Cluster: ref('Cluster'),
        TaskDefinition: ref(taskDefinitionLogicalId(app)),
        LaunchType: 'FARGATE',
        DesiredCount: 1,
        DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true } },
        NetworkConfiguration: {
          AwsvpcConfiguration: {
            AssignPublicIp: 'DISABLED',
            Subnets: ref('PrivateSubnetIds'),
            SecurityGroups: [ref('ServiceSecurityGroup')],
          },
        },
        ...(isApiApp(app) && {
          LoadBalancers: [
            { ContainerName: app, ContainerPort: port, TargetGroupArn: ref(targetGroupLogicalId(app)) },
          ],
        }),
      },
    },
  };
}

function assumedByEcsTasks() {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ],
  };
}
