import type { TenantRole } from '@bbws/data-access-memberships';
import { OperationDao, WebhookDao, WebhookDeliveryDao } from '@bbws/data-access-operations';
import type { Operation } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import { newTestUser, startTestApi, type TestApi, type TestUser } from '@bbws/testing-e2e';
import {
  TestClock,
  buildMember,
  buildOperation,
  seedMemberships,
  testDynamoContext,
} from '@bbws/testing-factories';
import { AppModule } from '../src/app.module';
import { loadOperationsApiConfig, type OperationsApiConfig } from '../src/config/operations-api.config';
import { OPERATIONS_API_DESCRIPTION } from '../src/openapi';

export interface OperationsApiFixture {
  api: TestApi;
  clock: TestClock;
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
  const clock = TestClock.running();
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
      await seedMemberships(db, [
        buildMember(
          { tenantId, userId: user.userId, email: user.email, name: user.name, role, addedBy: 'seed' },
          clock.now(),
        ),
      ]);
      return user;
    },
    async seedOperation(overrides = {}) {
      const operation = buildOperation(
        { type: 'SITE_CREATION', resourceType: 'site', resourceId: newId('site'), ...overrides },
        clock.now(),
      );
      await operations.createWithLock(operation);
      return operation;
    },
    close: () => api.close(),
  };
}
