import { InstanceDao, type Instance, type InstanceStatus } from '@bbws/data-access-instances';
import type { TenantRole } from '@bbws/data-access-memberships';
import { OperationDao } from '@bbws/data-access-operations';
import type { ComputePort, ServiceRef, ServiceSnapshot } from '@bbws/integrations-compute';
import { QueueDirectory, createSqsClient, ensureQueues, type SqsClient } from '@bbws/platform-sqs';
import type { Envelope } from '@bbws/shared-contracts';
import { newTestUser, startTestApi, type TestApi, type TestResponse, type TestUser } from '@bbws/testing-e2e';
import { QueueProbe, startSqs, type RunningEngine } from '@bbws/testing-engines';
import {
  TestClock,
  buildAuditEvent,
  buildMember,
  seedTenant,
  tenantTableDaos,
  testDynamoContext,
} from '@bbws/testing-factories';
import { AppModule } from '../src/app.module';
import { loadInstancesApiConfig } from '../src/config/instances-api.config';
import { INSTANCES_API_DESCRIPTION } from '../src/openapi';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the fake ECS answers per service name (a service it does not know is MISSING). */
export class FakeCompute {
  readonly services = new Map<string, ServiceSnapshot>();
  readonly described: ServiceRef[] = [];
  /** Services whose description fails with this error (an unreachable or refusing ECS). */
  readonly failures = new Map<string, Error>();
  readonly port: Pick<ComputePort, 'describeService'> = {
    describeService: async (ref) => {
      this.described.push(ref);
      const failure = this.failures.get(ref.serviceName);
      if (failure) throw failure;
      return (
        this.services.get(ref.serviceName) ?? {
          serviceName: ref.serviceName,
          status: 'MISSING',
          desiredCount: 0,
          runningCount: 0,
          pendingCount: 0,
          deployments: [],
          steady: false,
        }
      );
    },
  };
}

let counter = 0;
export function uniqueOrgName(prefix = 'Org'): string {
  counter += 1;
  return `${prefix} ${Date.now().toString(36)} ${process.pid} ${counter}`;
}

/** The instances API in-process on its own queue server, with a fake compute port and seeding helpers. */
export class InstancesFixture {
  readonly instances: InstanceDao;
  readonly operations: OperationDao;
  private readonly tables;

  private constructor(
    readonly api: TestApi,
    readonly clock: TestClock,
    readonly admin: TestUser,
    readonly compute: FakeCompute,
    private readonly engine: RunningEngine,
    readonly sqs: SqsClient,
  ) {
    const db = testDynamoContext(clock);
    this.instances = new InstanceDao(db);
    this.operations = new OperationDao(db);
    this.tables = tenantTableDaos(db, { auditRetentionDays: 30 });
  }

  static async start(): Promise<InstancesFixture> {
    const engine = await startSqs({ region: process.env.AWS_REGION });
    const sqs = createSqsClient({ region: process.env.AWS_REGION ?? 'us-east-1', endpoint: engine.endpoint });
    await ensureQueues(sqs, 'test');
    const clock = TestClock.running();
    const config = loadInstancesApiConfig({
      ...process.env,
      SQS_ENDPOINT: engine.endpoint,
      ACCESS_CACHE_TTL_MS: '0',
      LOG_LEVEL: 'silent',
    });
    const compute = new FakeCompute();
    const api = await startTestApi(
      AppModule.register({ config, clock, compute: compute.port }),
      INSTANCES_API_DESCRIPTION,
    );
    const admin = await newTestUser({ platformAdmin: true, name: 'Platform Admin' });
    return new InstancesFixture(api, clock, admin, compute, engine, sqs);
  }

  async close(): Promise<void> {
    await this.api.close();
    this.sqs.destroy();
    await this.engine.stop();
  }

  call<T = any>(
    method: Method,
    url: string,
    token: string | undefined = this.admin.token,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse<T>> {
    return this.api.request({ method, url, token, body, headers });
  }

  /** A tenant stored directly (the tenants API is another service), ACTIVE unless told otherwise. */
  async tenant(overrides: { organizationName?: string; status?: string } = {}) {
    return seedTenant(this.tables.tenants, {
      organizationName: overrides.organizationName ?? uniqueOrgName(),
      status: (overrides.status ?? 'ACTIVE') as never,
    });
  }

  async addMember(tenantId: string, user: TestUser, role: TenantRole): Promise<void> {
    const now = this.clock.now();
    await this.tables.members.add(
      buildMember(
        {
          tenantId,
          userId: user.userId,
          email: user.email,
          name: user.name,
          role,
          addedBy: this.admin.userId,
        },
        now,
      ),
      buildAuditEvent({ tenantId, actor: this.admin.userId, action: 'MEMBER_ADDED' }, now),
    );
  }

  /** POST an instance as the platform admin; expects the 202. */
  async provision(tenantId: string, body: Record<string, unknown> = { environment: 'DEV' }) {
    const response = await this.call('POST', `/v1.0/tenants/${tenantId}/instances`, this.admin.token, body);
    if (response.status !== 202)
      throw new Error(`provision failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /**
   * An instance in `status` with no operation on it, as the workers would leave it: provisioned through
   * the API, its operation cancelled (releasing the lock), then moved to `status` in the table.
   */
  async instanceIn(
    status: InstanceStatus,
    tenantId?: string,
    environment = 'DEV',
  ): Promise<{ tenantId: string; instance: Instance; url: string }> {
    const tenant = tenantId ?? (await this.tenant()).tenantId;
    const operation = await this.provision(tenant, { environment });
    await this.operations.cancel(operation.operationId, 'test');
    const created = (await this.instances.getInTenant(tenant, operation.resourceId)) as Instance;
    const instance = await this.instances.change(created, {
      expectedVersion: created.version,
      changes: { status, runningCount: status === 'ACTIVE' ? created.desiredCount : 0 },
    });
    return { tenantId: tenant, instance, url: `/v1.0/tenants/${tenant}/instances/${instance.instanceId}` };
  }

  /** Fails the operation as a worker would, leaving the instance in `status` with its error. */
  async failOperation(
    operationId: string,
    status: InstanceStatus,
    code = 'WORKFLOW_FAILED',
  ): Promise<Instance> {
    const operation = await this.operations.get(operationId);
    if (!operation) throw new Error(`no operation ${operationId}`);
    const instance = (await this.instances.getInTenant(operation.tenantId, operation.resourceId)) as Instance;
    const lastError = {
      code,
      message: 'terraform apply failed',
      at: this.clock.now().toISOString(),
      operationId,
    };
    await this.operations.fail(
      operation,
      null,
      { error: { code, message: lastError.message, retryable: true } },
      this.instances.changeWrites(instance, {
        expectedVersion: instance.version,
        changes: { status, lastError },
      }),
    );
    return (await this.instances.getInTenant(operation.tenantId, operation.resourceId)) as Instance;
  }

  /** The messages for `operationId` on a queue (received, then left to expire: other suites use their own server). */
  async messagesFor(
    queue: 'instance-provision' | 'instance-lifecycle' | 'instance-deprovision',
    operationId: string,
  ) {
    const url = await new QueueDirectory(this.sqs, 'test').url(queue);
    const probe = new QueueProbe(this.sqs);
    const seen: Envelope[] = [];
    for (let i = 0; i < 6 && !seen.some((m) => m.operationId === operationId); i += 1) {
      const messages = await probe.receive(url, { max: 10, waitSeconds: 1, visibilityTimeout: 30 });
      seen.push(...messages.map((message) => JSON.parse(message.Body ?? '{}') as Envelope));
    }
    return seen.filter((message) => message.operationId === operationId);
  }
}
