import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { toMemberItem, type TenantRole } from '@bbws/data-access-memberships';
import { OperationDao, WebhookDao, WebhookDeliveryDao } from '@bbws/data-access-operations';
import type { Operation } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import {
  MutableClock,
  newTestUser,
  startTestApi,
  testDynamoContext,
  type TestApi,
  type TestUser,
} from '@bbws/testing-e2e';
import { AppModule } from '../src/app.module';
import { loadOperationsApiConfig, type OperationsApiConfig } from '../src/config/operations-api.config';
import { OPERATIONS_API_DESCRIPTION } from '../src/openapi';

export interface OperationsApiFixture {
  api: TestApi;
  clock: MutableClock;
  admin: TestUser;
  operations: OperationDao;
  webhooks: WebhookDao;
  deliveries: WebhookDeliveryDao;
  /** A user who is a member of a fresh tenant with the given role. */
  member(tenantId: string, role: TenantRole): Promise<TestUser>;
  seedOperation(overrides?: Partial<Operation>): Promise<Operation>;
  close(): Promise<void>;
}

export async function startOperationsApi(
  env: NodeJS.ProcessEnv = {},
  overrides: Partial<OperationsApiConfig> = {},
): Promise<OperationsApiFixture> {
  const clock = new MutableClock();
  const config = {
    ...loadOperationsApiConfig({ ...process.env, ACCESS_CACHE_TTL_MS: '0', LOG_LEVEL: 'silent', ...env }),
    ...overrides,
  };
  const api = await startTestApi(AppModule.register({ config, clock }), OPERATIONS_API_DESCRIPTION);
  const db = testDynamoContext(clock);
  const operations = new OperationDao(db);
  return {
    api,
    clock,
    admin: await newTestUser({ platformAdmin: true }),
    operations,
    webhooks: new WebhookDao(db),
    deliveries: new WebhookDeliveryDao(db),
    async member(tenantId, role) {
      const user = await newTestUser();
      const now = clock.now().toISOString();
      await db.client.send(
        new PutCommand({
          TableName: db.tables.tenants,
          Item: toMemberItem({
            tenantId,
            userId: user.userId,
            email: user.email,
            name: user.name,
            role,
            teamIds: [],
            joinedAt: now,
            addedBy: 'seed',
            updatedAt: now,
            version: 1,
          }),
        }),
      );
      return user;
    },
    async seedOperation(overrides = {}) {
      const now = clock.now().toISOString();
      const operation: Operation = {
        operationId: newId('op'),
        tenantId: newId('tenant'),
        type: 'SITE_CREATION',
        status: 'PENDING',
        resourceType: 'site',
        resourceId: newId('site'),
        progress: 0,
        currentStep: null,
        steps: [],
        message: null,
        error: null,
        result: null,
        attempts: 0,
        createdBy: 'user-1',
        createdAt: now,
        startedAt: null,
        completedAt: null,
        updatedAt: now,
        version: 1,
        lease: null,
        deadlineAt: new Date(clock.now().getTime() + 3600_000).toISOString(),
        dispatch: null,
        sentAt: null,
        sendCount: 0,
        ...overrides,
      };
      await operations.createWithLock(operation);
      return operation;
    },
    close: () => api.close(),
  };
}
