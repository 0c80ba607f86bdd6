import { tablesCloudFormation } from '@bbws/data-access-dynamo';
import { QUEUE_DEFINITIONS } from '@bbws/shared-contracts';
import { RUNTIME_PARAMETERS } from './app-environment';
import { ARTIFACTS_BUCKET_ID, artifactPolicyStatements, artifactResources } from './artifact-resources';
import { apiGatewayResources } from './api-gateway-resources';
import { DEPLOYABLE_APPS } from './deployable-apps';
import { ecsResources, imageTagParameter } from './ecs-resources';
import { queueLogicalId, queueResources, taskStateEventResources } from './queue-resources';
import { arnOf, attr, ref, type CfnObject, type CfnResources } from './template-types';

/**
 * The control plane's CloudFormation template for one stage (`npm run infra:control-plane -- <stage>`):
 * tables, queues and the artifacts bucket from the definitions the code uses, the ECS task state rule feeding
 * instance-events, API Gateway routes from API_ROUTES to the API apps, and an ECS service per app.
 */
export function controlPlaneTemplate(stage: string): CfnObject {
  const tables = tablesCloudFormation(stage).Resources as CfnResources;
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `BBWS control plane (${stage})`,
    Parameters: parameters(),
    Resources: {
      ...tables,
      ...queueResources(stage),
      ...artifactResources(stage),
      ...taskStateEventResources(stage),
      ...networkResources(),
      ...apiGatewayResources(stage),
      ...ecsResources(stage),
      TaskRolePolicy: taskRolePolicy(Object.keys(tables)),
    },
    Outputs: {
      ApiEndpoint: { Value: attr('HttpApi', 'ApiEndpoint') },
      ClusterName: { Value: ref('Cluster') },
      ArtifactsBucketName: { Value: ref(ARTIFACTS_BUCKET_ID) },
    },
  };
}

function parameters(): CfnResources {
  const result: CfnResources = {
    VpcId: { Type: 'AWS::EC2::VPC::Id' },
    VpcCidr: { Type: 'String', Description: 'CIDR of the VPC (the ALB accepts the VPC link from it)' },
    PrivateSubnetIds: { Type: 'List<AWS::EC2::Subnet::Id>' },
    ...RUNTIME_PARAMETERS,
  };
  for (const app of DEPLOYABLE_APPS) {
    result[imageTagParameter(app)] = {
      Type: 'String',
      Default: 'initial',
      Description: `Image tag of ${app} when its service is created; the deploy workflow rolls later ones`,
    };
  }
  return result;
}

function networkResources(): CfnResources {
  return {
    LoadBalancerSecurityGroup: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'Internal ALB behind the API Gateway VPC link',
        VpcId: ref('VpcId'),
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: ref('VpcCidr') }],
      },
    },
    ServiceSecurityGroup: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'Control-plane ECS tasks',
        VpcId: ref('VpcId'),
        SecurityGroupIngress: [
          {
            IpProtocol: 'tcp',
            FromPort: 3000,
            ToPort: 3099,
            SourceSecurityGroupId: ref('LoadBalancerSecurityGroup'),
          },
        ],
      },
    },
  };
}

function taskRolePolicy(tableIds: string[]): CfnObject {
  const tableArns = tableIds.flatMap((id) => [
    arnOf(id),
    { 'Fn::Sub': ['${Arn}/index/*', { Arn: arnOf(id) }] },
  ]);
  return {
    Type: 'AWS::IAM::Policy',
    Properties: {
      PolicyName: 'control-plane-data',
      Roles: [ref('TaskRole')],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['dynamodb:*Item', 'dynamodb:Query', 'dynamodb:Transact*', 'dynamodb:Batch*'],
            Resource: tableArns,
          },
          {
            Effect: 'Allow',
            Action: [
              'sqs:SendMessage',
              'sqs:ReceiveMessage',
              'sqs:DeleteMessage',
              'sqs:ChangeMessageVisibility',
              'sqs:GetQueue*',
            ],
            Resource: QUEUE_DEFINITIONS.map((definition) => arnOf(queueLogicalId(definition.key))),
          },
          {
            Effect: 'Allow',
            Action: ['cognito-idp:Admin*', 'cognito-idp:ListUsers'],
            Resource: {
              'Fn::Sub':
                'arn:${AWS::Partition}:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/${CognitoUserPoolId}',
            },
          },
          { Effect: 'Allow', Action: ['ses:SendEmail', 'ses:SendRawEmail'], Resource: '*' },
          {
            // The instances' secrets (GitOps module: `{env}-{slug}-db-credentials`), for their agent keys.
            Effect: 'Allow',
            Action: 'secretsmanager:GetSecretValue',
            Resource: {
              'Fn::Sub':
                'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:*-db-credentials-*',
            },
          },
          ...artifactPolicyStatements(),
        ],
      },
    },
  };
}
