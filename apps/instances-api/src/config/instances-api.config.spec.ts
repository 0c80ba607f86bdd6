import { loadInstancesApiConfig, loadInstancesConfig } from './instances-api.config';

describe('instances-api config', () => {
  it('points every environment’s ECS and ELBv2 clients at the local data plane when its endpoints are set', () => {
    const config = loadInstancesConfig({
      BBWS_STAGE: 'local',
      ECS_ENDPOINT: 'http://127.0.0.1:4100/ecs',
      ELBV2_ENDPOINT: 'http://127.0.0.1:4100/elbv2',
    });
    expect(config.compute.PROD).toEqual({
      region: 'us-east-1',
      ecsEndpoint: 'http://127.0.0.1:4100/ecs',
      elbv2Endpoint: 'http://127.0.0.1:4100/elbv2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    expect(config.environments.SIT.domainSuffix).toBe('sit.localhost');
  });

  it('leaves the cloud to the SDK’s own endpoints and credentials, per environment region', () => {
    const environment = (env: string, region: string) => ({
      region,
      listenerArn: `arn:aws:elasticloadbalancing:${region}:123456789012:listener/app/alb/1/${env}`,
      domainSuffix: `wp${env}.example.io`,
      gitops: { repository: `acme/gitops-${env}` },
      image: 'wordpress:6.6',
    });
    const config = loadInstancesApiConfig({
      BBWS_STAGE: 'prod',
      CURSOR_SECRET: 'a-cursor-secret-of-some-length',
      AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC',
      AUTH_AUDIENCE: 'client',
      AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC/.well-known/jwks.json',
      TRUST_PROXY: '10.0.0.0/16',
      HOSTING_ENVIRONMENTS: JSON.stringify({
        DEV: environment('dev', 'eu-west-1'),
        SIT: environment('sit', 'eu-west-1'),
        PROD: environment('prod', 'eu-central-1'),
      }),
    });
    expect(config.instances.compute).toEqual({
      DEV: { region: 'eu-west-1' },
      SIT: { region: 'eu-west-1' },
      PROD: { region: 'eu-central-1' },
    });
  });

  it('refuses to boot in a cloud stage without the hosting environments', () => {
    expect(() => loadInstancesConfig({ BBWS_STAGE: 'dev' })).toThrow(
      /HOSTING_ENVIRONMENTS\.DEV\.listenerArn/,
    );
  });
});
