import { Body, Controller, HttpCode, Module, Post, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsString } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { IdempotencyDao } from '@bbws/data-access-dynamo';
import { PlatformModule, createApp, platformEnvSchema } from '@bbws/platform-bootstrap';
import { loadConfig } from '@bbws/shared-config';
import { TestClock } from '@bbws/testing-factories';
import { IdempotencyModule } from './idempotency.module';
import { IDEMPOTENCY_STORE } from './idempotency.interceptor';
import { Idempotent } from './idempotent.decorator';

const CLAIM_SECONDS = 5;

class CreateThingRequestDto {
  @IsString() name!: string;
}

/** The first call of each name waits until the test lets it finish; every call is counted. */
const executions = new Map<string, number>();
const gates = new Map<string, () => void>();

@Controller('things')
class ThingsController {
  @Post()
  @HttpCode(201)
  @Idempotent()
  async create(@Body() body: CreateThingRequestDto) {
    const count = (executions.get(body.name) ?? 0) + 1;
    executions.set(body.name, count);
    if (count === 1) await new Promise<void>((resolve) => gates.set(body.name, resolve));
    return { name: body.name, execution: count };
  }
}

@Module({})
class ThingsAppModule {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await sleep(10);
  if (!condition()) throw new Error('condition not met in time');
}

describe('Idempotency-Key claims (DynamoDB Local)', () => {
  const clock = TestClock.running();
  let app: NestFastifyApplication;
  let store: IdempotencyDao;

  beforeAll(async () => {
    const config = loadConfig(platformEnvSchema('idempotency-test', 0), {
      ...process.env,
      LOG_LEVEL: 'silent',
    });
    const module: DynamicModule = {
      module: ThingsAppModule,
      imports: [
        PlatformModule.forRoot({ config, clock, readinessTables: [] }),
        IdempotencyModule.forRoot({
          idempotencyTable: 'tenants',
          claimSeconds: CLAIM_SECONDS,
          heartbeatMs: 50,
        }),
      ],
      controllers: [ThingsController],
    };
    app = await createApp(module, { title: 'idempotency test', description: 'test' });
    await app.getHttpAdapter().getInstance().ready();
    store = app.get<IdempotencyDao>(IDEMPOTENCY_STORE);
  });
  afterAll(() => app.close());

  const post = (key: string, name: string) =>
    app.inject({ method: 'POST', url: '/things', headers: { 'idempotency-key': key }, payload: { name } });

  it('answers 409 to a second request while the first still runs past the claim window, and runs the handler once', async () => {
    const key = randomUUID();
    const name = `slow-${key}`;
    const first = post(key, name);
    await until(() => gates.has(name));
    // The first handler has now been running for two minutes, far past the claim window (and the
    // default 60 s); its heartbeat keeps the claim.
    clock.advance(120_000);
    await sleep(200);
    const second = await post(key, name);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(executions.get(name)).toBe(1);

    gates.get(name)?.();
    expect((await first).statusCode).toBe(201);
    const replay = await post(key, name);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual({ name, execution: 1 });
    expect(executions.get(name)).toBe(1);
  });

  it('lets a stale holder neither complete nor release a claim taken over after its lock lapsed', async () => {
    const scope = `ip:${randomUUID()}`;
    const key = randomUUID();
    const stale = await store.begin(scope, key, 'fp');
    expect(stale).toEqual({ claimed: true, claimId: expect.any(String) });
    clock.advance(120_000);
    const current = await store.begin(scope, key, 'fp');
    expect(current).toEqual({ claimed: true, claimId: expect.any(String) });
    if (!stale.claimed || !current.claimed) throw new Error('both claims were expected to be taken');
    expect(current.claimId).not.toBe(stale.claimId);

    expect(
      await store.complete(scope, key, stale.claimId, { status: 201, body: { who: 'stale' }, headers: {} }),
    ).toBe(false);
    expect(await store.release(scope, key, stale.claimId)).toBe(false);
    expect(await store.extend(scope, key, stale.claimId)).toBe(false);
    expect(await store.begin(scope, key, 'fp')).toEqual({
      claimed: false,
      record: { state: 'IN_PROGRESS', fingerprint: 'fp', lockedUntil: expect.any(Number) },
    });

    expect(
      await store.complete(scope, key, current.claimId, {
        status: 201,
        body: { who: 'current' },
        headers: {},
      }),
    ).toBe(true);
    expect(await store.release(scope, key, stale.claimId)).toBe(false);
    expect(await store.begin(scope, key, 'fp')).toEqual({
      claimed: false,
      record: {
        state: 'COMPLETED',
        fingerprint: 'fp',
        response: { status: 201, body: { who: 'current' }, headers: {} },
      },
    });
  });

  it('lets the holder release its own claim so that the client may retry', async () => {
    const scope = `ip:${randomUUID()}`;
    const key = randomUUID();
    const claim = await store.begin(scope, key, 'fp');
    if (!claim.claimed) throw new Error('expected a claim');
    expect(await store.release(scope, key, claim.claimId)).toBe(true);
    expect(await store.begin(scope, key, 'fp')).toEqual({ claimed: true, claimId: expect.any(String) });
  });
});
