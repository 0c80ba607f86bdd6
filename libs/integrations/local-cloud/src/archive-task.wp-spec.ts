import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { S3ArtifactStore } from '@bbws/integrations-artifacts';
import {
  ARCHIVE_TASK,
  createComputeAdapter,
  type AwsComputeAdapter,
  type ServiceRef,
} from '@bbws/integrations-compute';
import { OctokitGitOps } from '@bbws/integrations-gitops';
import { ensureRuntimePackages } from '@bbws/integrations-local-wordpress';
import { loadHostingEnvironments } from '@bbws/shared-config';
import { eventually } from '@bbws/testing-engines';
import { devTerraform, runWorkflow } from '../test/cloud-test.util';
import { startLocalCloud, type LocalCloud } from './local-cloud';

jest.setTimeout(180_000);

const run = promisify(execFile);
const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const TOKEN = 'archive-task-spec-token';
/** The production image's archive command (docker/wordpress/bbws-archive.sh). */
const ARCHIVE_SCRIPT = resolve(__dirname, '../../../../docker/wordpress/bbws-archive.sh');

/** `bbws-archive` as an ECS one-off task on the local cloud: real dump + wp-content to presigned S3 URLs. */
describe('local cloud: the bbws-archive one-off task', () => {
  const slug = 'arch';
  const service: ServiceRef = {
    environment: 'DEV',
    cluster: 'dev-cluster',
    serviceName: `dev-${slug}-service`,
  };
  const environments = loadHostingEnvironments({}, 'test', REGION);
  const artifacts = new S3ArtifactStore({
    bucket: process.env.ARTIFACTS_BUCKET ?? '',
    region: REGION,
    endpoint: process.env.S3_ENDPOINT,
    forcePathStyle: true,
    credentials: CREDENTIALS,
  });
  let dataDir: string;
  let cloud: LocalCloud;
  let compute: AwsComputeAdapter;

  const stopped = (taskArn: string) =>
    eventually(async () => {
      const task = await compute.describeTask('DEV', 'dev-cluster', taskArn);
      return task.lastStatus === 'STOPPED' ? task : undefined;
    }, 120_000);
  const bytesOf = async (key: string) => {
    const chunks: Buffer[] = [];
    for await (const chunk of (await artifacts.get(key)).body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  beforeAll(() => ensureRuntimePackages(), 15 * 60_000);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bbws-archive-spec-'));
    cloud = await startLocalCloud({
      dataDir,
      environments,
      gitopsToken: TOKEN,
      region: REGION,
      mariadbEphemeral: true,
      mariadbTemplateCacheDir: tmpdir(),
      healthCheckIntervalMs: 500,
      pollIntervalMs: 50,
    });
    const [owner, repo] = environments.DEV.gitops.repository.split('/');
    const gitops = new OctokitGitOps({
      environments: {
        DEV: {
          baseUrl: cloud.endpoints.github,
          token: TOKEN,
          owner,
          repo,
          branch: 'main',
          workflowFile: 'deploy-tenant.yml',
          author: { name: 'BBWS Platform', email: 'platform@bbws.local' },
        },
      },
    });
    compute = createComputeAdapter({
      DEV: { region: REGION, ecsEndpoint: cloud.endpoints.ecs, credentials: CREDENTIALS },
    });
    await gitops.commitInstance({
      environment: 'DEV',
      slug,
      files: { ...devTerraform(slug, 120) },
      operationId: 'op-archive-provision',
      message: `Provision ${slug}`,
    });
    expect((await runWorkflow(gitops, slug, 'apply', 'op-archive-provision')).conclusion).toBe('success');
  });

  afterAll(async () => {
    compute?.destroy();
    await cloud?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('dumps the network database and tars wp-content to the presigned URLs, then exits 0', async () => {
    const prefix = `archives/spec/${Date.now()}/`;
    const presign = (key: string) =>
      artifacts.presignPut(key, { contentType: ARCHIVE_TASK.contentType }).then((upload) => upload.url);
    const { taskArn } = await compute.runTask(service, {
      command: ['bbws-archive'],
      environment: {
        DATABASE_UPLOAD_URL: await presign(`${prefix}database.sql.gz`),
        CONTENT_UPLOAD_URL: await presign(`${prefix}wp-content.tar.gz`),
      },
    });
    expect(await stopped(taskArn)).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 });
    expect(cloud.plane.tasks.find(taskArn)?.log).toEqual(
      expect.arrayContaining(['database uploaded', 'wp-content uploaded']),
    );

    expect(await artifacts.head(`${prefix}database.sql.gz`)).toMatchObject({
      contentType: 'application/gzip',
    });
    const dump = gunzipSync(await bytesOf(`${prefix}database.sql.gz`)).toString('utf8');
    expect(dump).toMatch(/CREATE TABLE `\w*blogs`/);
    expect(dump).toMatch(/CREATE TABLE `\w*site`/);
    expect(dump).toMatch(/INSERT INTO `\w*options`/);

    const tarball = join(dataDir, 'wp-content.tar.gz');
    await writeFile(tarball, await bytesOf(`${prefix}wp-content.tar.gz`));
    const listing = (await run('tar', ['-tzf', tarball])).stdout.split('\n');
    expect(listing).toContain('wp-content/');
    expect(listing.some((entry) => entry.startsWith('wp-content/mu-plugins/'))).toBe(true);
    // The scratch copies are gone once uploaded.
    expect((await run('find', [join(dataDir, 'tasks'), '-type', 'f'])).stdout.trim()).toBe('');
  });

  it('a command the image does not have exits 127; a refused upload fails the task', async () => {
    const unknown = await compute.runTask(service, { command: ['wp', 'plugin', 'list'], environment: {} });
    expect(await stopped(unknown.taskArn)).toMatchObject({ exitCode: 127 });

    const key = `archives/spec/${Date.now()}-refused/database.sql.gz`;
    const url = (await artifacts.presignPut(key, { contentType: 'text/plain' })).url;
    const refused = await compute.runTask(service, {
      command: ['bbws-archive'],
      environment: { DATABASE_UPLOAD_URL: url, CONTENT_UPLOAD_URL: url },
    });
    expect(await stopped(refused.taskArn)).toMatchObject({ exitCode: 22 });
    expect(await artifacts.head(key)).toBeUndefined();
  });

  it("the image's bbws-archive script archives the same instance with the container's database settings", async () => {
    const instance = await cloud.runtime!.describe({ environment: 'DEV', slug });
    const secrets = JSON.parse(
      await readFile(join(dataDir, 'secrets', 'instances', 'dev', slug, 'instance-secrets.json'), 'utf8'),
    ) as { databasePassword: string };
    const prefix = `archives/spec/${Date.now()}-script/`;
    const presign = (key: string) =>
      artifacts.presignPut(key, { contentType: ARCHIVE_TASK.contentType }).then((upload) => upload.url);
    const output = await run('bash', [ARCHIVE_SCRIPT], {
      env: {
        PATH: process.env.PATH,
        TMPDIR: dataDir,
        BBWS_DOCROOT: instance.docRoot,
        WORDPRESS_DB_HOST: `127.0.0.1:${cloud.mariadb!.port}`,
        WORDPRESS_DB_NAME: instance.database.name,
        WORDPRESS_DB_USER: instance.database.user,
        WORDPRESS_DB_PASSWORD: secrets.databasePassword,
        DATABASE_UPLOAD_URL: await presign(`${prefix}database.sql.gz`),
        CONTENT_UPLOAD_URL: await presign(`${prefix}wp-content.tar.gz`),
      },
    });
    expect(output.stdout).toContain('bbws-archive: wp-content uploaded');
    const dump = gunzipSync(await bytesOf(`${prefix}database.sql.gz`)).toString('utf8');
    expect(dump).toMatch(/CREATE TABLE `\w*blogs`/);
    const tarball = join(dataDir, 'script-wp-content.tar.gz');
    await writeFile(tarball, await bytesOf(`${prefix}wp-content.tar.gz`));
    expect((await run('tar', ['-tzf', tarball])).stdout.split('\n')).toContain('wp-content/');

    await expect(
      run('bash', [ARCHIVE_SCRIPT], { env: { PATH: process.env.PATH, DATABASE_UPLOAD_URL: 'http://x' } }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
