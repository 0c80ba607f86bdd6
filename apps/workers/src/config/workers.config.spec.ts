import { ConfigError } from '@bbws/shared-config';
import { loadWorkersConfig } from './workers.config';

describe('loadWorkersConfig', () => {
  const base = { BBWS_STAGE: 'local' };

  it('runs every worker by default, each queue with the default concurrency', () => {
    const config = loadWorkersConfig(base);
    expect(config.port).toBe(3007);
    expect(config.workers.enabled).toEqual([
      'tenant-events',
      'instance-provision',
      'instance-lifecycle',
      'instance-deprovision',
      'site-creation',
      'site-update',
      'site-deletion',
      'instance-events',
      'webhooks',
      'sweeper',
      'site-purge',
      'instance-reconciler',
    ]);
    expect(config.workers.sitePurge).toEqual({ intervalMs: 300_000, batchSize: 25 });
    expect(config.instances?.compute.DEV).toMatchObject({ region: 'us-east-1' });
    expect(config.instances?.gitops).toBeNull();
    expect(config.workers.queues['tenant-events']).toEqual({
      concurrency: 4,
      batchSize: 1,
      waitTimeSeconds: 20,
    });
    expect(config.workers.webhooks).toMatchObject({
      retryWindowSeconds: 86_400,
      disableAfterFailures: 20,
      allowLocalTargets: true,
    });
  });

  it('runs the subset named in WORKERS, with per-queue settings from WORKER_QUEUES', () => {
    const config = loadWorkersConfig({
      ...base,
      WORKERS: 'webhooks, sweeper',
      WORKER_CONCURRENCY: '2',
      WORKER_QUEUES: JSON.stringify({
        webhooks: { concurrency: 16, batchSize: 4, visibilityTimeoutSeconds: 45 },
      }),
    });
    expect(config.workers.enabled).toEqual(['webhooks', 'sweeper']);
    expect(config.workers.queues.webhooks).toEqual({
      concurrency: 16,
      batchSize: 4,
      waitTimeSeconds: 20,
      visibilityTimeoutSeconds: 45,
    });
    expect(config.workers.queues['tenant-events'].concurrency).toBe(2);
  });

  const prod = {
    BBWS_STAGE: 'prod',
    CURSOR_SECRET: 'x'.repeat(32),
    AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
    AUTH_AUDIENCE: 'client-id',
    AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/.well-known/jwks.json',
    TRUST_PROXY: '10.20.0.0/16',
  };

  it('only lets the local and test stages deliver webhooks to http and loopback targets', () => {
    const config = loadWorkersConfig({ ...prod, WORKERS: 'webhooks' });
    expect(config.workers.webhooks.allowLocalTargets).toBe(false);
    expect(config.instances).toBeNull();
  });

  it('refuses to boot an instance worker in a cloud stage without its hosting environments', () => {
    expect(() => loadWorkersConfig({ ...prod, WORKERS: 'instance-lifecycle' })).toThrow(
      /HOSTING_ENVIRONMENTS\.PROD\.listenerArn: Required/,
    );
  });

  it('reads the GitOps repositories from the hosting environments, the rest from GITOPS_* variables', () => {
    const config = loadWorkersConfig({
      ...base,
      WORKERS: 'instance-provision',
      GITOPS_BASE_URL: 'http://127.0.0.1:4999',
      GITOPS_TOKEN: 'ghs_local',
      GITOPS_AUTHOR_NAME: 'Fleet Bot',
      TERRAFORM_STATE_BUCKET: 'acme-{env}-tfstate',
      ARTIFACTS_BUCKET: 'acme-artifacts',
      S3_ENDPOINT: 'http://127.0.0.1:4568',
      HOSTING_ENVIRONMENTS: JSON.stringify({
        SIT: { gitops: { repository: 'acme/fleet-sit', branch: 'live' } },
      }),
    });
    expect(config.instances?.gitops?.SIT).toEqual({
      baseUrl: 'http://127.0.0.1:4999',
      token: 'ghs_local',
      owner: 'acme',
      repo: 'fleet-sit',
      branch: 'live',
      workflowFile: 'deploy-tenant.yml',
      author: { name: 'Fleet Bot', email: 'platform@bbws.local' },
    });
    expect(config.instances?.gitops?.DEV).toMatchObject({ owner: 'bbws-local', repo: 'gitops-dev' });
    expect(config.instances?.terraformStateBucket('SIT')).toBe('acme-sit-tfstate');
    expect(config.instances?.artifacts).toEqual({
      bucket: 'acme-artifacts',
      endpoint: 'http://127.0.0.1:4568',
      forcePathStyle: true,
      localCredentials: true,
    });
  });

  it.each(['instance-provision', 'instance-deprovision', 'instance-events', 'instance-reconciler'])(
    'gives the %s worker the instance config',
    (worker) => {
      expect(loadWorkersConfig({ ...base, WORKERS: worker }).instances).not.toBeNull();
    },
  );

  it.each([
    ['an unknown worker', { WORKERS: 'tenant-events,site-upgrade' }],
    ['no worker at all', { WORKERS: ' , ' }],
    ['WORKER_QUEUES that is not JSON', { WORKER_QUEUES: '{nope' }],
    ['an unknown queue setting', { WORKER_QUEUES: JSON.stringify({ webhooks: { threads: 3 } }) }],
    ['a batch larger than SQS allows', { WORKER_QUEUES: JSON.stringify({ webhooks: { batchSize: 11 } }) }],
  ])('refuses %s at boot', (_case, env) => {
    expect(() => loadWorkersConfig({ ...base, ...env })).toThrow(ConfigError);
  });
});
