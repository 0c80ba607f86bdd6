import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createComputeAdapter } from '@bbws/integrations-compute';
import type { LocalCloud } from '@bbws/integrations-local-cloud';
import { startPlatformCloud } from './local-cloud.runner';
import { appEnvironment, LOCAL_CLOUD_URLS } from './local-platform.config';

jest.setTimeout(180_000);

/** The local cloud as `npm start` runs it (here on free ports and the test stage's queue). */
describe('npm start: the local cloud', () => {
  const token = 'runner-spec-token';
  const lines: string[] = [];
  let dataDir: string;
  let cloud: LocalCloud;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bbws-platform-cloud-'));
    cloud = await startPlatformCloud({
      dataDir,
      sqsEndpoint: process.env.SQS_ENDPOINT ?? '',
      gitopsToken: token,
      progress: (line) => lines.push(line),
      ports: { github: 0, compute: 0, alb: 0, mariadb: 0 },
      stage: 'test',
    });
  });

  afterAll(async () => {
    await cloud?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the GitOps repositories, the ECS/ELBv2 endpoint and the ALB proxy, with MariaDB of its data directory', async () => {
    expect(lines.at(-1)).toMatch(/^local data plane ready in [\d.]+ s \(MariaDB data in .*mariadb\)$/);
    const ref = `${cloud.endpoints.github}/repos/bbws-local/gitops-dev/git/ref/heads/main`;
    const head = await fetch(ref, { headers: { authorization: `Bearer ${token}` } });
    expect(head.status).toBe(200);
    expect(await head.json()).toMatchObject({ ref: 'refs/heads/main', object: { type: 'commit' } });
    expect((await fetch(ref)).status).toBe(401);

    const compute = createComputeAdapter({
      DEV: {
        region: 'us-east-1',
        ecsEndpoint: cloud.endpoints.ecs,
        elbv2Endpoint: cloud.endpoints.elbv2,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      },
    });
    try {
      const service = {
        environment: 'DEV' as const,
        cluster: 'dev-cluster',
        serviceName: 'dev-none-service',
      };
      expect((await compute.describeService(service)).status).toBe('MISSING');
    } finally {
      compute.destroy();
    }
    const alb = await fetch(`${cloud.endpoints.alb}/`, { headers: { host: 'nobody.dev.localhost' } });
    expect(alb.status).toBe(404);
    expect(cloud.mariadb?.baseDir).toBe(path.join(dataDir, 'mariadb'));
    expect(cloud.mariadb?.isRunning()).toBe(true);
  });

  it('gives the apps and workers the endpoints and the token of the fixed ports', () => {
    expect(appEnvironment(dataDir, { cursorSecret: 'c', gitopsToken: token })).toMatchObject({
      ECS_ENDPOINT: LOCAL_CLOUD_URLS.compute,
      ELBV2_ENDPOINT: LOCAL_CLOUD_URLS.compute,
      GITOPS_BASE_URL: LOCAL_CLOUD_URLS.github,
      GITOPS_TOKEN: token,
      BBWS_DATA_DIR: dataDir,
    });
  });

  it('stops everything: the endpoints close and MariaDB ends', async () => {
    const { mariadb, endpoints } = cloud;
    await cloud.stop();
    expect(mariadb?.isRunning()).toBe(false);
    await expect(fetch(`${endpoints.alb}/`)).rejects.toThrow();
    await expect(fetch(endpoints.github)).rejects.toThrow();
  });
});
