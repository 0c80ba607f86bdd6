import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@bbws/platform-bootstrap';
import { TestClock } from '@bbws/testing-factories';
import { AppModule } from '../src/app.module';
import { loadTenantsApiConfig } from '../src/config/tenants-api.config';
import { TENANTS_API_DESCRIPTION } from '../src/openapi';

/**
 * Behind API Gateway -> ALB the app sees the ALB's address for every client; with TRUST_PROXY set
 * to the ALB subnets' CIDR the client address comes from X-Forwarded-For, and only from those peers.
 */
describe('client address behind the load balancer (TRUST_PROXY)', () => {
  const LIMIT = 2;
  const ALB = '10.20.3.4';
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const config = loadTenantsApiConfig({
      ...process.env,
      LOG_LEVEL: 'silent',
      TRUST_PROXY: '10.20.0.0/16',
      INVITATION_RATE_LIMIT_PER_MINUTE: String(LIMIT),
    });
    app = await createApp(
      AppModule.register({ config, clock: TestClock.running() }),
      TENANTS_API_DESCRIPTION,
      {
        trustProxy: config.trustProxy,
      },
    );
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  const preview = async (peer: string, forwardedFor?: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/v1.0/invitations/${randomBytes(32).toString('base64url')}`,
      remoteAddress: peer,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });
    return response.statusCode;
  };

  it('gives two clients behind the trusted proxy their own rate-limit buckets', async () => {
    const first = [];
    for (let i = 0; i < LIMIT + 1; i += 1) first.push(await preview(ALB, '203.0.113.10'));
    expect(first).toEqual([404, 404, 429]);
    // Another client through the same ALB is not limited by the first one's requests.
    expect(await preview(ALB, '203.0.113.11')).toBe(404);
    // The rightmost untrusted address is the client: API Gateway's own hop (inside the CIDR) is skipped.
    expect(await preview(ALB, '203.0.113.12, 10.20.9.9')).toBe(404);
    expect(await preview(ALB, '198.51.100.1, 203.0.113.10')).toBe(429);
  });

  it('ignores X-Forwarded-For from a peer outside the list, so spoofing does not escape the limit', async () => {
    const attacker = '192.0.2.50';
    const statuses = [];
    for (let i = 0; i < LIMIT + 2; i += 1) statuses.push(await preview(attacker, `198.51.100.${i + 20}`));
    expect(statuses).toEqual([404, 404, 429, 429]);
  });
});
