import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { RuntimeLookupDao, type Instance } from '@bbws/data-access-instances';
import { MESSAGES } from '@bbws/shared-contracts';
import { testDynamoContext } from '@bbws/testing-factories';
import { buildInstance } from '@bbws/testing-instances';
import { startInstanceGitOps, type InstanceGitOpsFixture } from './instance-gitops.fixture';
import { testArtifactStore } from './site-test.stores';

jest.setTimeout(90_000);

const git = promisify(execFile);

/** The Jest global setup's S3 server and bucket, where the workers keep archives. */
const artifacts = testArtifactStore();

async function bytesOf(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await artifacts.get(key)).body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('workers: instance deprovisioning through GitOps (bbws-instance-deprovision)', () => {
  let gx: InstanceGitOpsFixture;
  const lookups = new RuntimeLookupDao(testDynamoContext());

  beforeAll(async () => {
    gx = await startInstanceGitOps('instance-provision,instance-deprovision');
  });
  afterAll(() => gx.close());

  const ids = (instance: Instance) => ({
    instanceId: instance.instanceId,
    environment: instance.environment,
  });

  async function activeInstance(): Promise<Instance> {
    const instance = await gx.seedInstance();
    const operation = await gx.launch(instance, MESSAGES.INSTANCE_PROVISION, 'PENDING_PROVISIONING', {
      ...ids(instance),
      tier: 'STANDARD',
      desiredCount: 1,
    });
    expect(await gx.finished(operation.operationId)).toMatchObject({ status: 'COMPLETED' });
    return gx.reload(instance);
  }

  it('archives the database and wp-content, destroys through the workflow, commits the folder away, and leaves the instance DEPROVISIONED with its slug free', async () => {
    const instance = await activeInstance();
    expect(gx.compute.plane.route(instance.resources.host)).toMatchObject({ kind: 'forward' });

    const operation = await gx.launch(
      instance,
      MESSAGES.INSTANCE_DEPROVISION,
      'PENDING_DEPROVISIONING',
      ids(instance),
    );
    const done = await gx.finished(operation.operationId);
    const prefix = `archives/${instance.tenantId}/${instance.instanceId}/${operation.operationId}/`;
    expect(done).toMatchObject({
      status: 'COMPLETED',
      result: { status: 'DEPROVISIONED', archivePrefix: prefix },
    });
    expect(done.steps.map((step) => [step.name, step.status])).toEqual([
      ['archive', 'COMPLETED'],
      ['destroy', 'COMPLETED'],
      ['remove-folder', 'COMPLETED'],
      ['finish', 'COMPLETED'],
    ]);
    expect(gx.dispatchesOf(operation.operationId)).toBe(1);
    expect(gx.applier.calls.filter((call) => call.operationId === operation.operationId)).toEqual([
      expect.objectContaining({ action: 'destroy', slug: instance.slug }),
    ]);
    expect(gx.compute.plane.route(instance.resources.host)).toBeUndefined();

    // The archive task ran once, on the instance, with presigned upload URLs under the prefix.
    const archiveRuns = gx.compute.tasks.calls.filter((call) => call.instance.slug === instance.slug);
    expect(archiveRuns).toHaveLength(1);
    expect(archiveRuns[0]).toMatchObject({ command: ['bbws-archive'] });
    expect(archiveRuns[0].environment.DATABASE_UPLOAD_URL).toContain(`${prefix}database.sql.gz`);
    expect(archiveRuns[0].environment.CONTENT_UPLOAD_URL).toContain(`${prefix}wp-content.tar.gz`);
    const manifest = JSON.parse((await bytesOf(`${prefix}manifest.json`)).toString('utf8'));
    const database = await bytesOf(`${prefix}database.sql.gz`);
    const content = await bytesOf(`${prefix}wp-content.tar.gz`);
    expect(gunzipSync(database).toString('utf8')).toContain(`dump of DEV/${instance.slug}`);
    expect(manifest).toEqual({
      prefix,
      instanceId: instance.instanceId,
      tenantId: instance.tenantId,
      environment: 'DEV',
      slug: instance.slug,
      operationId: operation.operationId,
      taskArn: expect.stringMatching(/^arn:aws:ecs:.*:task\/dev-cluster\//),
      createdAt: expect.any(String),
      database: { key: `${prefix}database.sql.gz`, size: database.length, sha256: sha256(database) },
      content: { key: `${prefix}wp-content.tar.gz`, size: content.length, sha256: sha256(content) },
    });
    expect(done.steps[0].output).toEqual({
      prefix,
      manifestKey: `${prefix}manifest.json`,
      taskArn: manifest.taskArn,
      database: manifest.database,
      content: manifest.content,
    });

    const commits = await gx.commitsOf(instance);
    expect(commits).toHaveLength(2);
    const tree = await git('git', [
      '-C',
      gx.github.repositoryDir('DEV'),
      'ls-tree',
      '-r',
      '--name-only',
      'main',
    ]);
    expect(tree.stdout).not.toContain(`tenants/${instance.slug}/`);
    const message = await git('git', [
      '-C',
      gx.github.repositoryDir('DEV'),
      'log',
      '-1',
      '--format=%B',
      commits[0],
    ]);
    expect(message.stdout).toContain(operation.operationId);

    const gone = await gx.reload(instance);
    expect(gone).toMatchObject({
      status: 'DEPROVISIONED',
      runningCount: 0,
      gitOps: { lastCommitSha: commits[0] },
    });
    expect(await lookups.find('DEV', instance.resources.serviceName)).toBeNull();
    expect(await gx.fx.operations.activeOperationId(instance.instanceId)).toBeNull();

    // The slug and the listener-rule priority are free again: another tenant's instance may take them.
    const tenant = await gx.fx.seedTenant();
    await expect(
      gx.instances.create(
        buildInstance({ tenantId: tenant.tenantId, slug: instance.slug, resources: instance.resources }),
      ),
    ).resolves.toBeUndefined();
  });

  it('deprovisions an instance whose Terraform was never committed without dispatching anything', async () => {
    const instance = await gx.seedInstance({ status: 'WORKFLOW_FAILED' });
    const operation = await gx.launch(
      instance,
      MESSAGES.INSTANCE_DEPROVISION,
      'PENDING_DEPROVISIONING',
      ids(instance),
    );
    const done = await gx.finished(operation.operationId);
    expect(done.status).toBe('COMPLETED');
    expect(done.steps.find((step) => step.name === 'archive')?.output).toEqual({
      skipped: true,
      reason: 'NEVER_DEPLOYED',
    });
    expect(done.steps.find((step) => step.name === 'destroy')?.output).toEqual({ skipped: true });
    expect(gx.dispatchesOf(operation.operationId)).toBe(0);
    expect(await gx.reload(instance)).toMatchObject({ status: 'DEPROVISIONED' });
  });

  it('skips the archive (recorded) when the service is already gone, and still destroys', async () => {
    const instance = await activeInstance();
    await gx.compute.plane.deregisterInstance({ environment: 'DEV', slug: instance.slug });
    const runs = gx.compute.tasks.calls.length;
    const operation = await gx.launch(
      instance,
      MESSAGES.INSTANCE_DEPROVISION,
      'PENDING_DEPROVISIONING',
      ids(instance),
    );
    const done = await gx.finished(operation.operationId);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      result: { status: 'DEPROVISIONED', archivePrefix: null },
    });
    expect(done.steps[0]).toMatchObject({
      name: 'archive',
      status: 'COMPLETED',
      output: { skipped: true, reason: 'SERVICE_MISSING' },
    });
    expect(gx.compute.tasks.calls).toHaveLength(runs);
    expect(gx.dispatchesOf(operation.operationId)).toBe(1);
  });

  it('fails the operation and keeps the instance when the archive task exits non-zero (nothing destroyed)', async () => {
    const instance = await activeInstance();
    gx.compute.tasks.exitWith(5);
    try {
      const operation = await gx.launch(
        instance,
        MESSAGES.INSTANCE_DEPROVISION,
        'PENDING_DEPROVISIONING',
        ids(instance),
      );
      const done = await gx.finished(operation.operationId);
      expect(done).toMatchObject({
        status: 'FAILED',
        error: { code: 'ARCHIVE_FAILED', message: expect.stringContaining('exited with 5') },
      });
      expect(done.steps.map((step) => [step.name, step.status])).toEqual([
        ['archive', 'FAILED'],
        ['destroy', 'PENDING'],
        ['remove-folder', 'PENDING'],
        ['finish', 'PENDING'],
      ]);
      expect(gx.dispatchesOf(operation.operationId)).toBe(0);
      expect(gx.compute.plane.route(instance.resources.host)).toMatchObject({ kind: 'forward' });
      expect(await gx.commitsOf(instance)).toHaveLength(1);
      expect(await gx.reload(instance)).toMatchObject({
        status: 'FAILED',
        lastError: { code: 'ARCHIVE_FAILED' },
      });
      const prefix = `archives/${instance.tenantId}/${instance.instanceId}/${operation.operationId}/`;
      expect(await artifacts.head(`${prefix}manifest.json`)).toBeUndefined();
    } finally {
      gx.compute.tasks.exitWith(undefined);
    }
  });
});
