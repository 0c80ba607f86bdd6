import { defaultTableNames, TABLE_KEYS } from '@bbws/data-access-dynamo';
import { DEFAULT_ARTIFACT_RETENTION, artifactsBucketName } from '@bbws/integrations-artifacts';
import { platformEnvSchema } from '@bbws/platform-bootstrap';
import { API_ROUTES, LOCAL_PORTS } from '@bbws/shared-config';
import { QUEUE_DEFINITIONS, queueName } from '@bbws/shared-contracts';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  APP_HEADER,
  integrationLogicalId,
  routeKeys,
  targetGroupLogicalId,
} from './control-plane/api-gateway-resources';
import { ARTIFACTS_BUCKET_ID } from './control-plane/artifact-resources';
import { controlPlaneTemplate } from './control-plane/control-plane-template';
import { CLIENT_APPS, DEPLOYABLE_APPS, LOCAL_ONLY_APPS, deployNames } from './control-plane/deployable-apps';
import {
  imageTagParameter,
  repositoryLogicalId,
  serviceLogicalId,
  taskDefinitionLogicalId,
} from './control-plane/ecs-resources';
import { queueLogicalId } from './control-plane/queue-resources';
import { danglingReferences } from './control-plane/template-references';

interface Resource {
  Type: string;
  Properties: Record<string, any>;
  DependsOn?: string[];
}

const template = JSON.parse(JSON.stringify(controlPlaneTemplate('sit'))) as {
  Parameters: Record<string, unknown>;
  Resources: Record<string, Resource & { DeletionPolicy?: string }>;
  Outputs: Record<string, { Value: unknown }>;
};
const resources = Object.values(template.Resources);
const ofType = (type: string) => resources.filter((resource) => resource.Type === type);
const appDirectories = readdirSync(path.join(__dirname, '../../apps'));

describe('control-plane CloudFormation template', () => {
  it('is JSON of AWS resources whose every Ref, GetAtt, Sub and DependsOn target is declared', () => {
    expect(resources.length).toBeGreaterThan(50);
    for (const resource of resources) expect(resource.Type).toMatch(/^AWS::\w+::\w+$/);
    expect(danglingReferences(template)).toEqual([]);
  });

  it('reports references to undeclared names', () => {
    const broken = {
      Parameters: { Tag: {} },
      Resources: {
        A: {
          Type: 'AWS::SQS::Queue',
          DependsOn: 'Gone',
          Properties: { X: { Ref: 'Tag' }, Y: { Ref: 'Missing' } },
        },
        B: { Type: 'AWS::SQS::Queue', Properties: { Z: { 'Fn::GetAtt': ['Nowhere', 'Arn'] } } },
        C: {
          Type: 'AWS::SQS::Queue',
          Properties: { S: { 'Fn::Sub': ['${AWS::Region}/${A.Arn}/${V}/${Lost}', { V: 1 }] } },
        },
      },
    };
    expect(danglingReferences(broken).sort()).toEqual(['Gone', 'Lost', 'Missing', 'Nowhere']);
  });

  it('declares every table of the table definitions under its stage name', () => {
    const tableNames = ofType('AWS::DynamoDB::Table').map((table) => table.Properties.TableName);
    expect(tableNames.sort()).toEqual(TABLE_KEYS.map((key) => defaultTableNames('sit')[key]).sort());
  });

  it('declares every queue of the queue definitions, work queues redriving to their DLQ', () => {
    for (const definition of QUEUE_DEFINITIONS) {
      const queue = template.Resources[queueLogicalId(definition.key)];
      expect(queue.Properties).toMatchObject({
        QueueName: queueName(definition.key, 'sit'),
        VisibilityTimeout: definition.visibilityTimeoutSeconds,
        MessageRetentionPeriod: definition.messageRetentionSeconds,
      });
      if (definition.deadLetter) {
        const dlqId = queueLogicalId(definition.deadLetter.queue);
        expect(queue.Properties.RedrivePolicy).toEqual({
          deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
          maxReceiveCount: definition.deadLetter.maxReceiveCount,
        });
      } else {
        expect(queue.Properties.RedrivePolicy).toBeUndefined();
      }
    }
    expect(ofType('AWS::SQS::Queue')).toHaveLength(QUEUE_DEFINITIONS.length);
  });

  it('declares the artifacts bucket under the name the code uses: versioned, encrypted, private, HTTPS only', () => {
    const bucket = template.Resources[ARTIFACTS_BUCKET_ID];
    expect(bucket.Type).toBe('AWS::S3::Bucket');
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      BucketName: artifactsBucketName('sit'),
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    expect(artifactsBucketName('sit')).toBe('bbws-artifacts-sit');
    expect(
      bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault,
    ).toEqual({ SSEAlgorithm: 'AES256' });
    const [denyPlainHttp] = template.Resources.ArtifactsBucketPolicy.Properties.PolicyDocument.Statement;
    expect(denyPlainHttp).toMatchObject({
      Effect: 'Deny',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    expect(template.Outputs.ArtifactsBucketName.Value).toEqual({ Ref: ARTIFACTS_BUCKET_ID });
  });

  it('expires backups and instance archives per the default retention, versions included', () => {
    const rules = template.Resources[ARTIFACTS_BUCKET_ID].Properties.LifecycleConfiguration.Rules;
    expect(DEFAULT_ARTIFACT_RETENTION.map((rule) => rule.prefix)).toEqual([
      'backups/',
      'archives/',
      'uploads/',
    ]);
    for (const retention of DEFAULT_ARTIFACT_RETENTION) {
      expect(rules).toContainEqual(
        expect.objectContaining({
          Status: 'Enabled',
          Prefix: retention.prefix,
          ExpirationInDays: retention.expireAfterDays,
          NoncurrentVersionExpiration: { NoncurrentDays: retention.noncurrentExpireAfterDays },
        }),
      );
    }
    expect(rules).toContainEqual(
      expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }),
    );
    expect(rules.filter((rule: { Prefix?: string }) => rule.Prefix === undefined)).toHaveLength(1);
  });

  it('lets the tasks read, write, delete and list artifacts and tells them the bucket', () => {
    const statements = template.Resources.TaskRolePolicy.Properties.PolicyDocument.Statement;
    const bucketArn = { 'Fn::GetAtt': [ARTIFACTS_BUCKET_ID, 'Arn'] };
    expect(statements).toContainEqual({ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: bucketArn });
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: { 'Fn::Sub': ['${Arn}/*', { Arn: bucketArn }] },
    });
    for (const app of DEPLOYABLE_APPS) {
      const container = template.Resources[taskDefinitionLogicalId(app)].Properties.ContainerDefinitions[0];
      expect(container.Environment).toContainEqual({ Name: 'ARTIFACTS_BUCKET', Value: 'bbws-artifacts-sit' });
    }
  });

  it("lets the tasks read the instances' secrets (their agent keys) and no other secret", () => {
    const statements = template.Resources.TaskRolePolicy.Properties.PolicyDocument.Statement;
    const secrets = statements.filter((statement: { Action: unknown }) =>
      JSON.stringify(statement.Action).includes('secretsmanager'),
    );
    expect(secrets).toEqual([
      {
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: {
          'Fn::Sub':
            'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:*-db-credentials-*',
        },
      },
    ]);
  });

  it('sends ECS task state changes to the instance-events queue, which lets EventBridge send', () => {
    const rule = template.Resources.EcsTaskStateChangeRule;
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.ecs'],
      'detail-type': ['ECS Task State Change'],
    });
    expect(rule.Properties.Targets).toEqual([
      { Id: 'instance-events', Arn: { 'Fn::GetAtt': [queueLogicalId('instance-events'), 'Arn'] } },
    ]);
    const policy = template.Resources.InstanceEventsQueuePolicy.Properties;
    expect(policy.Queues).toEqual([{ Ref: queueLogicalId('instance-events') }]);
    expect(policy.PolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': ['EcsTaskStateChangeRule', 'Arn'] } } },
      }),
    ]);
  });

  it('routes every prefix of API_ROUTES through API Gateway to its app, whose ALB rule forwards to its tasks', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route');
    expect(routes).toHaveLength(API_ROUTES.length * 2);
    for (const [prefix, app] of API_ROUTES) {
      for (const routeKey of routeKeys(prefix)) {
        const route = routes.find((candidate) => candidate.Properties.RouteKey === routeKey);
        expect(route?.Properties.Target).toEqual({
          'Fn::Join': ['/', ['integrations', { Ref: integrationLogicalId(app) }]],
        });
      }
      const integration = template.Resources[integrationLogicalId(app)].Properties;
      expect(integration).toMatchObject({ ConnectionType: 'VPC_LINK', IntegrationUri: { Ref: 'Listener' } });
      expect(integration.RequestParameters).toEqual({ [`overwrite:header.${APP_HEADER}`]: app });
      const rule = ofType('AWS::ElasticLoadBalancingV2::ListenerRule').find(
        (candidate) => candidate.Properties.Conditions[0].HttpHeaderConfig.Values[0] === app,
      );
      expect(rule?.Properties.Actions).toEqual([
        { Type: 'forward', TargetGroupArn: { Ref: targetGroupLogicalId(app) } },
      ]);
      expect(template.Resources[targetGroupLogicalId(app)].Properties.Port).toBe(LOCAL_PORTS[app]);
    }
    expect(routeKeys('/v1.0/tenants')).toEqual(['ANY /v1.0/tenants', 'ANY /v1.0/tenants/{proxy+}']);
  });

  it('gives every app under apps/ but the local-only front door and the command line a repository, task definition and service', () => {
    expect([...DEPLOYABLE_APPS, ...LOCAL_ONLY_APPS, ...CLIENT_APPS].sort()).toEqual(
      [...appDirectories].sort(),
    );
    for (const app of DEPLOYABLE_APPS) {
      expect(template.Resources[repositoryLogicalId(app)].Properties.RepositoryName).toBe(
        deployNames.repository('sit', app),
      );
      const task = template.Resources[taskDefinitionLogicalId(app)].Properties;
      expect(task.Family).toBe(deployNames.taskFamily('sit', app));
      expect(task.ContainerDefinitions[0].Name).toBe(app);
      expect(JSON.stringify(task.ContainerDefinitions[0].Image)).toContain(imageTagParameter(app));
      expect(template.Parameters[imageTagParameter(app)]).toBeDefined();
      const service = template.Resources[serviceLogicalId(app)].Properties;
      expect(service).toMatchObject({ ServiceName: deployNames.service(app), Cluster: { Ref: 'Cluster' } });
    }
    expect(template.Resources.Cluster.Properties.ClusterName).toBe(deployNames.cluster('sit'));
    expect(JSON.stringify(template)).not.toContain('front-door');
    expect(Object.keys(template.Resources).filter((id) => id.startsWith('Cli'))).toEqual([]);
  });

  it('configures every container so that the platform configuration validates in a cloud stage', () => {
    const parameterValues: Record<string, string> = {
      'AWS::Region': 'eu-west-1',
      AuthIssuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
      AuthAudience: 'client-id',
      AuthJwksUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/jwks.json',
      VpcCidr: '10.20.0.0/16',
      CognitoUserPoolId: 'eu-west-1_AbC123',
      PortalUrl: 'https://portal.example.com',
      EmailFrom: 'BBWS <no-reply@example.com>',
    };
    const resolve = (value: unknown) =>
      typeof value === 'string' ? value : parameterValues[(value as { Ref: string }).Ref];
    for (const app of DEPLOYABLE_APPS) {
      const container = template.Resources[taskDefinitionLogicalId(app)].Properties.ContainerDefinitions[0];
      const env: Record<string, string> = Object.fromEntries(
        container.Environment.map(({ Name, Value }: { Name: string; Value: unknown }) => [
          Name,
          resolve(Value),
        ]),
      );
      for (const { Name, ValueFrom } of container.Secrets) {
        expect(template.Parameters[ValueFrom.Ref]).toBeDefined();
        env[Name] = 'a-cursor-secret-of-32-characters';
      }
      const parsed = platformEnvSchema(app, LOCAL_PORTS[app]).safeParse(env);
      expect({ app, issues: parsed.error?.issues ?? [] }).toEqual({ app, issues: [] });
      expect(parsed.data).toMatchObject({ stage: 'sit', port: LOCAL_PORTS[app] });
      if (app === 'tenants-api') expect(env.COGNITO_USER_POOL_ID).toBe('eu-west-1_AbC123');
      const { TRUST_PROXY: _dropped, ...withoutTrustedProxies } = env;
      expect(platformEnvSchema(app, LOCAL_PORTS[app]).safeParse(withoutTrustedProxies).success).toBe(false);
    }
  });
});
