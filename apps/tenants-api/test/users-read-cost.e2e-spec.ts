import type { DynamoContext } from '@bbws/data-access-dynamo';
import { DYNAMO_CONTEXT } from '@bbws/platform-bootstrap';
import { type TestUser } from '@bbws/testing-e2e';
import { buildMember, seedMemberships, testDynamoContext } from '@bbws/testing-factories';
import { OrgFixture } from './org-fixture';

interface DynamoCall {
  command: string;
  input: string;
  itemsRead: number;
}

/** Records every DynamoDB call the app makes (command, input, items it returned) while `run` is on. */
function recordDynamoCalls(db: DynamoContext) {
  const calls: DynamoCall[] = [];
  let recording = false;
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (recording) {
        const output = result.output as {
          Count?: number;
          Item?: unknown;
          Responses?: Record<string, unknown[]>;
        };
        const batch = Object.values(output.Responses ?? {}).reduce((sum, items) => sum + items.length, 0);
        calls.push({
          command: context.commandName ?? 'unknown',
          input: JSON.stringify(args.input),
          itemsRead: (output.Count ?? 0) + (output.Item ? 1 : 0) + batch,
        });
      }
      return result;
    },
    { step: 'initialize', name: 'countReadsForTest' },
  );
  return {
    async run<T>(action: () => Promise<T>): Promise<{ result: T; calls: DynamoCall[] }> {
      calls.length = 0;
      recording = true;
      try {
        return { result: await action(), calls: [...calls] };
      } finally {
        recording = false;
      }
    },
    stop: () => db.client.middlewareStack.remove('countReadsForTest'),
  };
}

describe('GET /v1.0/users/:userId costs a bounded number of reads', () => {
  let fx: OrgFixture;
  let recorder: ReturnType<typeof recordDynamoCalls>;
  let shared: { tenant: any; tenantAdmin: TestUser };
  let busy: TestUser;
  const MEMBERSHIPS = 250;

  beforeAll(async () => {
    fx = await OrgFixture.start();
    shared = await fx.tenantWithAdmin();
    busy = await fx.directoryUser({ name: 'Busy Member' });
    await fx.addMember(shared.tenant.tenantId, busy, 'VIEWER');
    // Many more memberships of the same user (only the membership items matter to this read).
    await seedMemberships(
      testDynamoContext(),
      Array.from({ length: MEMBERSHIPS }, () =>
        buildMember({ userId: busy.userId, email: busy.email, name: busy.name, addedBy: fx.admin.userId }),
      ),
    );
    recorder = recordDynamoCalls(fx.api.app.get<DynamoContext>(DYNAMO_CONTEXT));
  });
  afterAll(async () => {
    recorder.stop();
    await fx.close();
  });

  const totalRead = (calls: DynamoCall[]) => calls.reduce((sum, call) => sum + call.itemsRead, 0);

  it("answers an ADMIN of a shared tenant from the caller's memberships, not the user's", async () => {
    const { result, calls } = await recorder.run(() =>
      fx.call('GET', `/v1.0/users/${busy.userId}`, shared.tenantAdmin.token),
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ userId: busy.userId, email: busy.email, teams: [] });
    expect(
      calls.some((call) => call.input.includes(`USER#${busy.userId}"`) && call.command === 'QueryCommand'),
    ).toBe(false);
    expect(totalRead(calls)).toBeLessThanOrEqual(5);
    expect(calls.length).toBeLessThanOrEqual(4);
  });

  it('answers 404 to a caller sharing no tenant just as cheaply', async () => {
    const stranger = (await fx.tenantWithAdmin()).tenantAdmin;
    const { result, calls } = await recorder.run(() =>
      fx.call('GET', `/v1.0/users/${busy.userId}`, stranger.token),
    );
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe('USER_NOT_FOUND');
    expect(totalRead(calls)).toBeLessThanOrEqual(5);
    expect(calls.length).toBeLessThanOrEqual(4);
  });

  it('still answers 404 to an OPERATOR of a shared tenant', async () => {
    const colleague = await fx.directoryUser();
    await fx.addMember(shared.tenant.tenantId, colleague, 'OPERATOR');
    expect((await fx.call('GET', `/v1.0/users/${busy.userId}`, colleague.token)).status).toBe(404);
  });
});
