import { QueueDirectory, createSqsClient, ensureQueues, type SqsClient } from '@bbws/platform-sqs';
import { QueueProbe, startSqs, type RunningEngine } from '@bbws/testing-engines';
import { OrgFixture } from './org-fixture';
import { invite } from './org-invitations';

jest.setTimeout(30_000);

/** Webhook events the tenants API publishes after its commits, read from a real local SQS queue. */
describe('webhook events from the tenants API (the webhooks queue)', () => {
  let engine: RunningEngine;
  let sqs: SqsClient;
  let queueUrl: string;
  let fx: OrgFixture;
  const received: any[] = [];

  beforeAll(async () => {
    // A queue server of its own, so this suite reads exactly what the API sent.
    engine = await startSqs({ region: process.env.AWS_REGION });
    sqs = createSqsClient({ region: process.env.AWS_REGION ?? 'us-east-1', endpoint: engine.endpoint });
    await ensureQueues(sqs, 'test');
    queueUrl = await new QueueDirectory(sqs, 'test').url('webhooks');
    fx = await OrgFixture.start({
      env: { SQS_ENDPOINT: engine.endpoint, INVITATION_RATE_LIMIT_PER_MINUTE: '10000' },
    });
  });
  afterAll(async () => {
    await fx.close();
    sqs.destroy();
    await engine.stop();
  });

  /** Every message on the queue so far (received and deleted), kept in `received`. */
  async function drain(): Promise<any[]> {
    const messages = await new QueueProbe(sqs).drain(queueUrl);
    received.push(...messages.map((message) => JSON.parse(message.Body ?? '{}')));
    return received;
  }
  const eventsOf = async (tenantId: string, type: string) =>
    (await drain()).filter((message) => message.tenantId === tenantId && message.payload.eventType === type);

  const statusChanged = (
    tenantId: string,
    previousStatus: string,
    status: string,
    reason: string | null,
  ) => ({
    messageType: 'WEBHOOK_EVENT',
    schemaVersion: 1,
    operationId: null,
    tenantId,
    resourceId: null,
    correlationId: expect.any(String),
    idempotencyKey: expect.stringMatching(/^evt-/),
    issuedAt: expect.any(String),
    payload: {
      eventId: expect.stringMatching(/^evt-/),
      eventType: 'tenant.status_changed',
      occurredAt: expect.any(String),
      data: { tenantId, previousStatus, status, reason, operationId: null },
    },
  });

  it('sends tenant.status_changed after PATCH /status, carrying the request id', async () => {
    const tenant = await fx.createTenant();
    const response = await fx.api.request({
      method: 'PATCH',
      url: `/v1.0/tenants/${tenant.tenantId}/status`,
      token: fx.admin.token,
      body: { status: 'ACTIVE' },
      headers: { 'x-request-id': 'req-status-event-1' },
    });
    expect(response.status).toBe(200);
    const events = await eventsOf(tenant.tenantId, 'tenant.status_changed');
    expect(events).toEqual([statusChanged(tenant.tenantId, 'PENDING', 'ACTIVE', null)]);
    expect(events[0].correlationId).toBe('req-status-event-1');

    const reason = 'Invoices unpaid for ninety days';
    await fx.expect(200, 'PATCH', `/v1.0/tenants/${tenant.tenantId}/status`, fx.admin.token, {
      status: 'SUSPENDED',
      reason,
    });
    expect((await eventsOf(tenant.tenantId, 'tenant.status_changed')).slice(1)).toEqual([
      statusChanged(tenant.tenantId, 'ACTIVE', 'SUSPENDED', reason),
    ]);
  });

  it('sends tenant.status_changed to DEPROVISIONED when a tenant is deleted', async () => {
    const tenant = await fx.createTenant();
    await fx.expect(200, 'DELETE', `/v1.0/tenants/${tenant.tenantId}`, fx.admin.token);
    expect(await eventsOf(tenant.tenantId, 'tenant.status_changed')).toEqual([
      statusChanged(tenant.tenantId, 'PENDING', 'DEPROVISIONED', null),
    ]);
  });

  it('sends nothing when the status change or the delete fails', async () => {
    const tenant = await fx.createTenant();
    expect(
      (
        await fx.call('PATCH', `/v1.0/tenants/${tenant.tenantId}/status`, fx.admin.token, {
          status: 'PARKED',
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await fx.call(
          'PATCH',
          `/v1.0/tenants/${tenant.tenantId}/status`,
          fx.admin.token,
          {
            status: 'ACTIVE',
          },
          { 'if-match': '"7"' },
        )
      ).status,
    ).toBe(412);
    const { tenantAdmin } = await fx.tenantWithAdmin();
    expect((await fx.call('DELETE', `/v1.0/tenants/${tenant.tenantId}`, tenantAdmin.token)).status).toBe(403);
    expect(await eventsOf(tenant.tenantId, 'tenant.status_changed')).toEqual([]);
  });

  it('sends invitation.accepted when an invitee accepts, and nothing when the accept is refused', async () => {
    const { tenant, tenantAdmin } = await fx.tenantWithAdmin();
    const team = await fx.createTeam(tenant.tenantId, tenantAdmin.token);
    const invitee = await fx.directoryUser();
    const { invitation, token } = await invite(fx, tenant.tenantId, tenantAdmin.token, {
      email: invitee.email,
      role: 'OPERATOR',
      teamIds: [team.teamId],
    });
    const unverified = await fx.directoryUser({ email: invitee.email, emailVerified: false });
    expect((await fx.call('POST', `/v1.0/invitations/${token}/accept`, unverified.token)).status).toBe(403);
    expect(await eventsOf(tenant.tenantId, 'invitation.accepted')).toEqual([]);

    await fx.expect(200, 'POST', `/v1.0/invitations/${token}/accept`, invitee.token);
    const events = await eventsOf(tenant.tenantId, 'invitation.accepted');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ messageType: 'WEBHOOK_EVENT', tenantId: tenant.tenantId });
    expect(events[0].payload.data).toEqual({
      invitationId: invitation.invitationId,
      tenantId: tenant.tenantId,
      userId: invitee.userId,
      email: invitee.email,
      role: 'OPERATOR',
      teamIds: [team.teamId],
      invitedBy: tenantAdmin.userId,
    });
    expect(JSON.stringify(events[0])).not.toContain(token);
    expect((await fx.call('POST', `/v1.0/invitations/${token}/accept`, invitee.token)).status).toBe(409);
    expect(await eventsOf(tenant.tenantId, 'invitation.accepted')).toHaveLength(1);
  });
});
