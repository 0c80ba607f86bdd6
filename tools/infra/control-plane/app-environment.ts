import { defaultTableNames } from '@bbws/data-access-dynamo';
import { artifactsBucketName } from '@bbws/integrations-artifacts';
import { containerPort, type DeployableApp } from './deployable-apps';
import { ref, type CfnResources } from './template-types';

/** The stack parameters the apps' configuration comes from (what platformEnvSchema requires in the cloud). */
export const RUNTIME_PARAMETERS: CfnResources = {
  AuthIssuer: { Type: 'String', Description: 'The Cognito user pool issuer (AUTH_ISSUER)' },
  AuthAudience: { Type: 'String', Description: 'The Cognito app client id (AUTH_AUDIENCE)' },
  AuthJwksUrl: { Type: 'String', Description: 'The user pool JWKS URL, https (AUTH_JWKS_URL)' },
  CursorSecretArn: {
    Type: 'String',
    Description: 'Secrets Manager secret holding CURSOR_SECRET (16+ chars)',
  },
  CognitoUserPoolId: { Type: 'String', Description: 'The user pool id, e.g. eu-west-1_AbC123 (tenants-api)' },
  PortalUrl: { Type: 'String', Description: 'The customer portal URL in invitation emails (tenants-api)' },
  EmailFrom: { Type: 'String', Description: 'The sender of invitation emails (tenants-api)' },
};

const APP_ENVIRONMENT: Partial<Record<DeployableApp, Record<string, unknown>>> = {
  'tenants-api': {
    COGNITO_USER_POOL_ID: ref('CognitoUserPoolId'),
    PORTAL_URL: ref('PortalUrl'),
    EMAIL_FROM: ref('EmailFrom'),
  },
};

/** The container's environment: stage, port, tables, artifacts bucket, auth, trusted proxies (the VPC), the app's own. */
export function containerEnvironment(
  stage: string,
  app: DeployableApp,
): Array<{ Name: string; Value: unknown }> {
  const tables = defaultTableNames(stage);
  const variables: Record<string, unknown> = {
    BBWS_STAGE: stage,
    HOST: '0.0.0.0',
    PORT: String(containerPort(app)),
    AWS_REGION: ref('AWS::Region'),
    TABLE_TENANTS: tables.tenants,
    TABLE_INSTANCES: tables.instances,
    TABLE_SITES: tables.sites,
    TABLE_OPERATIONS: tables.operations,
    ARTIFACTS_BUCKET: artifactsBucketName(stage),
    AUTH_ISSUER: ref('AuthIssuer'),
    AUTH_AUDIENCE: ref('AuthAudience'),
    AUTH_JWKS_URL: ref('AuthJwksUrl'),
    TRUST_PROXY: ref('VpcCidr'),
    ...APP_ENVIRONMENT[app],
  };
  return Object.entries(variables).map(([name, value]) => ({ Name: name, Value: value }));
}

/** Secrets the task's execution role reads into the container. */
export function containerSecrets(): Array<{ Name: string; ValueFrom: unknown }> {
  return [{ Name: 'CURSOR_SECRET', ValueFrom: ref('CursorSecretArn') }];
}
