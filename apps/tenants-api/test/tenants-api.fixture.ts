import type { TenantRole } from '@bbws/data-access-memberships';
import { newTestUser, startTestApi, type TestApi, type TestUser } from '@bbws/testing-e2e';
import {
  TestClock,
  buildAuditEvent,
  buildMember,
  tenantTableDaos,
  testDynamoContext,
} from '@bbws/testing-factories';
import { AppModule } from '../src/app.module';
import { loadTenantsApiConfig } from '../src/config/tenants-api.config';
import { TENANTS_API_DESCRIPTION } from '../src/openapi';

export interface TenantsApiFixture {
  api: TestApi;
  clock: TestClock;
  admin: TestUser;
  /** Creates a tenant through the API as the platform admin and returns its body. */
  createTenant(overrides?: Record<string, unknown>): Promise<any>;
  /** Seeds a membership directly (the members API lives in the next feature). */
  addMember(tenantId: string, user: TestUser, role: TenantRole): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

export function uniqueName(prefix = 'Org'): string {
  counter += 1;
  return `${prefix} ${Date.now().toString(36)} ${process.pid} ${counter}`;
}

export async function startTenantsApi(env: NodeJS.ProcessEnv = {}): Promise<TenantsApiFixture> {
  const clock = TestClock.running();
  const config = loadTenantsApiConfig({
    ...process.env,
    ACCESS_CACHE_TTL_MS: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const api = await startTestApi(AppModule.register({ config, clock }), TENANTS_API_DESCRIPTION);
  const admin = await newTestUser({ platformAdmin: true, name: 'Platform Admin' });
  const { members } = tenantTableDaos(testDynamoContext(clock), { auditRetentionDays: 365 });
  return {
    api,
    clock,
    admin,
    async createTenant(overrides = {}) {
      const response = await api.request({
        method: 'POST',
        url: '/v1.0/tenants',
        token: admin.token,
        body: { organizationName: uniqueName(), contactEmail: 'ops@example.com', ...overrides },
      });
      if (response.status !== 201)
        throw new Error(`createTenant failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async addMember(tenantId, user, role) {
      const now = clock.now();
      await members.add(
        buildMember(
          { tenantId, userId: user.userId, email: user.email, name: user.name, role, addedBy: admin.userId },
          now,
        ),
        buildAuditEvent({ tenantId, actor: admin.userId, action: 'MEMBER_ADDED' }, now),
      );
    },
    close: () => api.close(),
  };
}
