import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { InstanceDao, type Instance, type InstanceStatus } from '@bbws/data-access-instances';
import { MESSAGES, type MessageContract, type Operation } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import { eventually } from '@bbws/testing-engines';
import { testDynamoContext } from '@bbws/testing-factories';
import { buildInstance, startTestLocalCloud, type TestLocalCloud } from '@bbws/testing-instances';
import { startWorkersApp, type WorkersAppFixture } from './workers-app.fixture';
import { testArtifactStore } from './site-test.stores';

jest.setTimeout(300_000);

const run = promisify(execFile);

/** Provision on the local cloud with real WordPress, then deprovision: the real network is archived, then dropped. */
describe('workers: instance deprovisioning archives a real WordPress network (local cloud)', () => {
  let cloud: TestLocalCloud;
  let fx: WorkersAppFixture;
  let scratch: string;
  const instances = new InstanceDao(testDynamoContext());
  const artifacts = testArtifactStore();

  beforeAll(async () => {
    cloud = await startTestLocalCloud();
    scratch = await mkdtemp(join(tmpdir(), 'bbws-archive-e2e-'));
    fx = await startWorkersApp({
      WORKERS: 'instance-provision,instance-deprovision',
      ...cloud.env,
      INSTANCE_POLL_INTERVAL_MS: '100',
      INSTANCE_CONVERGENCE_TIMEOUT_MS: '120000',
      INSTANCE_WORKFLOW_TIMEOUT_MS: '120000',
    });
  }, 15 * 60_000);
  afterAll(async () => {
    await fx?.close();
    await cloud?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  async function launch<P extends object>(
    instance: Instance,
    contract: MessageContract<P>,
    to: InstanceStatus,
    payload: P,
  ): Promise<Operation> {
    const current = (await instances.get(instance.tenantId, instance.environment))!;
    const operation = await fx.launcher.launch({
      contract,
      tenantId: instance.tenantId,
      resourceType: 'instance',
      resourceId: instance.instanceId,
      createdBy: 'admin-1',
      correlationId: newId('evt'),
      payload,
      extra: instances.changeWrites(current, {
        expectedVersion: current.version,
        expectedStatuses: [current.status],
        changes: { status: to, lastError: null },
      }),
    });
    return eventually(async () => {
      const seen = await fx.operations.get(operation.operationId);
      return seen && ['COMPLETED', 'FAILED'].includes(seen.status) ? seen : undefined;
    }, 240_000);
  }

  const bytesOf = async (key: string) => {
    const chunks: Buffer[] = [];
    for await (const chunk of (await artifacts.get(key)).body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  it('dumps the network database and wp-content into the artifact store, then destroys the instance', async () => {
    const tenant = await fx.seedTenant();
    const built = buildInstance({ tenantId: tenant.tenantId, status: 'PENDING_PROVISIONING' });
    const instance = buildInstance({
      ...built,
      resources: { ...built.resources, listenerArn: cloud.environments.DEV.listenerArn },
    });
    await instances.create(instance);
    const ids = { instanceId: instance.instanceId, environment: instance.environment };
    const provisioned = await launch(instance, MESSAGES.INSTANCE_PROVISION, 'PENDING_PROVISIONING', {
      ...ids,
      tier: 'STANDARD',
      desiredCount: 1,
    });
    expect(provisioned.status).toBe('COMPLETED');
    const database = `${instance.slug}_dev_db`;
    expect(await cloud.cloud.mariadb!.listDatabases()).toContain(database);

    const done = await launch(instance, MESSAGES.INSTANCE_DEPROVISION, 'PENDING_DEPROVISIONING', ids);
    const prefix = `archives/${instance.tenantId}/${instance.instanceId}/${done.operationId}/`;
    expect(done).toMatchObject({ status: 'COMPLETED', result: { archivePrefix: prefix } });

    const manifest = JSON.parse((await bytesOf(`${prefix}manifest.json`)).toString('utf8'));
    expect(manifest).toMatchObject({
      slug: instance.slug,
      environment: 'DEV',
      operationId: done.operationId,
    });
    const dump = gunzipSync(await bytesOf(`${prefix}database.sql.gz`)).toString('utf8');
    expect(dump).toMatch(/CREATE TABLE `\w*blogs`/);
    const tarball = join(scratch, 'wp-content.tar.gz');
    await writeFile(tarball, await bytesOf(`${prefix}wp-content.tar.gz`));
    expect((await run('tar', ['-tzf', tarball])).stdout.split('\n')).toContain('wp-content/');

    // Archived, then dropped: the database and the route are gone, the instance is DEPROVISIONED.
    expect(await cloud.cloud.mariadb!.listDatabases()).not.toContain(database);
    expect(cloud.cloud.plane.route(instance.resources.host)).toBeUndefined();
    expect(await instances.get(instance.tenantId, instance.environment)).toMatchObject({
      status: 'DEPROVISIONED',
    });
  });
});
