import { ConfigError } from './load-config';
import { desiredCountRange, loadHostingEnvironments } from './hosting-environments';

describe('loadHostingEnvironments', () => {
  it('maps every environment to the local data plane in the local stages', () => {
    const environments = loadHostingEnvironments({}, 'local', 'us-east-1');
    expect(environments.DEV).toMatchObject({
      environment: 'DEV',
      cluster: 'dev-cluster',
      domainSuffix: 'dev.localhost',
      siteUrl: { scheme: 'http', port: 3000 },
      gitops: { repository: 'bbws-local/gitops-dev', branch: 'main' },
      tiers: {
        STANDARD: { cpu: 512, memory: 1024, desiredCount: 1 },
        PROFESSIONAL: { cpu: 1024, memory: 2048, desiredCount: 2 },
        ENTERPRISE: { cpu: 2048, memory: 4096, desiredCount: 3 },
      },
    });
    expect(environments.PROD.tiers.STANDARD.desiredCount).toBe(2);
    expect(environments.SIT.listenerArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:/);
  });

  it('overrides fields of one environment from the HOSTING_ENVIRONMENTS JSON', () => {
    const environments = loadHostingEnvironments(
      {
        HOSTING_ENVIRONMENTS: JSON.stringify({
          SIT: { cluster: 'sit-blue', gitops: { branch: 'release' }, tiers: { STANDARD: { cpu: 1024 } } },
        }),
      },
      'test',
    );
    expect(environments.SIT).toMatchObject({
      cluster: 'sit-blue',
      gitops: { repository: 'bbws-local/gitops-sit', branch: 'release' },
      tiers: { STANDARD: { cpu: 1024, memory: 1024, desiredCount: 1 } },
    });
    expect(environments.DEV.cluster).toBe('dev-cluster');
  });

  it('requires the listener, domain, repository and image of every environment in a cloud stage', () => {
    expect(() => loadHostingEnvironments({}, 'prod')).toThrow(ConfigError);
    expect(() => loadHostingEnvironments({}, 'prod')).toThrow(/HOSTING_ENVIRONMENTS\.PROD\.listenerArn/);
    const complete = (env: string) => ({
      listenerArn: `arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/alb/1/${env}`,
      domainSuffix: `wp${env}.example.io`,
      gitops: { repository: `acme/gitops-${env}` },
      image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/wordpress:6.6',
    });
    const environments = loadHostingEnvironments(
      {
        AWS_REGION: 'eu-west-1',
        HOSTING_ENVIRONMENTS: JSON.stringify({
          DEV: complete('dev'),
          SIT: complete('sit'),
          PROD: complete('prod'),
        }),
      },
      'prod',
    );
    expect(environments.PROD).toMatchObject({
      region: 'eu-west-1',
      cluster: 'prod-cluster',
      siteUrl: { scheme: 'https' },
      gitops: { repository: 'acme/gitops-prod', branch: 'main' },
    });
  });

  it('refuses PROD tiers below two tasks, bad JSON and unknown environments', () => {
    const env = (value: unknown) => ({ HOSTING_ENVIRONMENTS: JSON.stringify(value) });
    expect(() =>
      loadHostingEnvironments(env({ PROD: { tiers: { STANDARD: { desiredCount: 1 } } } }), 'local'),
    ).toThrow(/PROD\.tiers\.STANDARD\.desiredCount: PROD runs at least 2 tasks/);
    expect(() => loadHostingEnvironments({ HOSTING_ENVIRONMENTS: '{not json' }, 'local')).toThrow(
      /JSON object/,
    );
    expect(() => loadHostingEnvironments(env({ QA: {} }), 'local')).toThrow(ConfigError);
    expect(() => loadHostingEnvironments(env({ DEV: { domainSuffix: 'Not A Host' } }), 'local')).toThrow(
      /DEV\.domainSuffix: must be a DNS name/,
    );
  });

  it('allows 2-10 tasks in PROD and 1-10 elsewhere', () => {
    expect(desiredCountRange('PROD')).toEqual({ min: 2, max: 10 });
    expect(desiredCountRange('DEV')).toEqual({ min: 1, max: 10 });
  });
});
