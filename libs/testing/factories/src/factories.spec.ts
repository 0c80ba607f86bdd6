import { buildOperation } from './operation.factories';
import { buildInvitation, buildMember, buildTenant } from './tenant.factories';

describe('entity factories', () => {
  it('give every build fresh ids, so tests isolate themselves', () => {
    expect(buildTenant().tenantId).not.toBe(buildTenant().tenantId);
    expect(buildMember().userId).not.toBe(buildMember().userId);
    expect(buildOperation().operationId).not.toBe(buildOperation().operationId);
    expect(buildInvitation().tokenHash).not.toBe(buildInvitation().tokenHash);
  });

  it('take timestamps from the moment given and keep overrides over defaults', () => {
    const at = new Date('2026-02-26T12:00:00.000Z');
    const invitation = buildInvitation({ role: 'ADMIN' }, at);
    expect(invitation).toMatchObject({
      role: 'ADMIN',
      createdAt: '2026-02-26T12:00:00.000Z',
      expiresAt: '2026-03-05T12:00:00.000Z',
    });
    expect(buildOperation({ status: 'FAILED' }, at)).toMatchObject({
      status: 'FAILED',
      deadlineAt: '2026-02-26T13:00:00.000Z',
    });
    expect(buildMember({ userId: 'u-1' }).email).toBe('user-u-1@example.com');
  });
});
