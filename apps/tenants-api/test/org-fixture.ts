import path from 'node:path';
import { LocalUserDirectory } from '@bbws/integrations-identity';
import {
  newTestUser,
  startTestApi,
  type TestApi,
  type TestRequest,
  type TestResponse,
  type TestUser,
} from '@bbws/testing-e2e';
import { TestClock, testDynamoContext } from '@bbws/testing-factories';
import { signTestToken } from '@bbws/testing-engines';
import { AppModule } from '../src/app.module';
import { loadTenantsApiConfig } from '../src/config/tenants-api.config';
import { TENANTS_API_DESCRIPTION } from '../src/openapi';
import { LogCapture, withLogger } from './org-log-capture';
import { Mailbox } from './org-mailbox';
import { uniqueName } from './tenants-api.fixture';

export interface OrgFixtureOptions {
  env?: Record<string, string>;
  /** Keep the app's log lines (level trace) in `logs`. */
  captureLogs?: boolean;
}

export interface TeamPathIds {
  divisionId: string;
  groupId: string;
  teamId: string;
  /** `/v1.0/tenants/{t}/divisions/{d}/groups/{g}/teams/{team}` */
  href: string;
}

export type Method = TestRequest['method'];

/** The tenants API in-process with helpers for organizations: directory users, tenants with an ADMIN, teams, the mailbox. */
export class OrgFixture {
  private constructor(
    readonly api: TestApi,
    readonly clock: TestClock,
    readonly admin: TestUser,
    readonly mailbox: Mailbox,
    readonly logs: LogCapture | null,
    private readonly directory: LocalUserDirectory,
  ) {}

  static async start(options: OrgFixtureOptions = {}): Promise<OrgFixture> {
    const clock = TestClock.running();
    const config = loadTenantsApiConfig({
      ...process.env,
      ACCESS_CACHE_TTL_MS: '0',
      LOG_LEVEL: 'silent',
      ...options.env,
    });
    const logs = options.captureLogs ? new LogCapture() : null;
    const module = AppModule.register({ config, clock });
    const api = await startTestApi(
      logs ? withLogger(module, config, clock, logs) : module,
      TENANTS_API_DESCRIPTION,
    );
    const admin = await newTestUser({ platformAdmin: true, name: 'Platform Admin' });
    const db = testDynamoContext(clock);
    const mailbox = new Mailbox(path.join(config.dataDir, 'mail'));
    return new OrgFixture(
      api,
      clock,
      admin,
      mailbox,
      logs,
      new LocalUserDirectory(db.client, db.tables.tenants),
    );
  }

  close(): Promise<void> {
    return this.api.close();
  }

  call<T = any>(
    method: Method,
    url: string,
    token: string | undefined,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse<T>> {
    return this.api.request({ method, url, token, body, headers });
  }

  /** A request from a given client address (the rate limit counts per IP). */
  async callFrom(ip: string, method: Method, url: string, token?: string): Promise<TestResponse> {
    const response = await this.api.app.inject({
      method,
      url,
      remoteAddress: ip,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const json = response.headers['content-type']?.toString().includes('json');
    return {
      status: response.statusCode,
      body: json && response.body ? JSON.parse(response.body) : response.body,
      headers: response.headers,
    };
  }

  /** A user that exists in the identity directory, with a token whose subject is the directory's user id. */
  async directoryUser(
    options: { email?: string; name?: string; emailVerified?: boolean } = {},
  ): Promise<TestUser> {
    const email = options.email ?? `person-${Math.random().toString(36).slice(2, 10)}@example.com`;
    const user = await this.directory.ensureUser({
      email,
      name: options.name ?? `Person ${email.slice(0, 6)}`,
    });
    const token = await signTestToken({
      sub: user.userId,
      email: user.email,
      name: user.name,
      emailVerified: options.emailVerified,
    });
    return { userId: user.userId, email: user.email, name: user.name, token };
  }

  async createTenant(overrides: Record<string, unknown> = {}): Promise<any> {
    return this.expect(201, 'POST', '/v1.0/tenants', this.admin.token, {
      organizationName: uniqueName(),
      contactEmail: 'ops@example.com',
      ...overrides,
    });
  }

  /** A new tenant with one tenant ADMIN (added through the members API by the platform admin). */
  async tenantWithAdmin(): Promise<{ tenant: any; tenantAdmin: TestUser }> {
    const tenant = await this.createTenant();
    const tenantAdmin = await this.directoryUser({ name: 'Tenant Admin' });
    await this.addMember(tenant.tenantId, tenantAdmin, 'ADMIN');
    return { tenant, tenantAdmin };
  }

  async addMember(
    tenantId: string,
    user: TestUser,
    role: string,
    teamIds: string[] = [],
    token = this.admin.token,
  ): Promise<any> {
    return this.expect(201, 'POST', `/v1.0/tenants/${tenantId}/members`, token, {
      email: user.email,
      role,
      teamIds,
    });
  }

  /** Division > group > team with fresh names, created by `token` (an ADMIN). */
  /** A division with one group, through the API; `teamsHref` is where the group's teams are created. */
  async createGroup(
    tenantId: string,
    token: string,
    names = { division: uniqueName('Div'), group: 'Group' },
  ): Promise<{ divisionId: string; groupId: string; teamsHref: string }> {
    const division = await this.expect(201, 'POST', `/v1.0/tenants/${tenantId}/divisions`, token, {
      name: names.division,
    });
    const groups = `/v1.0/tenants/${tenantId}/divisions/${division.divisionId}/groups`;
    const group = await this.expect(201, 'POST', groups, token, { name: names.group });
    return {
      divisionId: division.divisionId,
      groupId: group.groupId,
      teamsHref: `${groups}/${group.groupId}/teams`,
    };
  }

  async createTeam(
    tenantId: string,
    token: string,
    names = { division: uniqueName('Div'), group: 'Group', team: 'Team' },
  ): Promise<TeamPathIds> {
    const { divisionId, groupId, teamsHref } = await this.createGroup(tenantId, token, names);
    const team = await this.expect(201, 'POST', teamsHref, token, { name: names.team });
    return { divisionId, groupId, teamId: team.teamId, href: `${teamsHref}/${team.teamId}` };
  }

  async audit(tenantId: string): Promise<any[]> {
    return (await this.expect(200, 'GET', `/v1.0/tenants/${tenantId}/audit?pageSize=100`, this.admin.token))
      .items;
  }

  /** Sends the request and insists on the status, returning the body. */
  async expect(
    status: number,
    method: Method,
    url: string,
    token: string | undefined,
    body?: unknown,
  ): Promise<any> {
    const response = await this.call(method, url, token, body);
    if (response.status !== status) {
      throw new Error(
        `${method} ${url}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    return response.body;
  }
}

export function uniqueEmail(prefix = 'person'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}
