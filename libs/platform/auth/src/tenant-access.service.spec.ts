import type { TenantRole } from '@bbws/shared-contracts';
import { ForbiddenError, NotFoundError } from '@bbws/shared-errors';
import { buildCaller, buildMember, fakePort } from '@bbws/testing-factories';
import type { MembershipLookup, TenantMembership } from './membership-lookup.port';
import { TenantAccessService } from './tenant-access.service';

const caller = buildCaller({ userId: 'u1', email: 'u1@x.example', name: 'U1' });
const member = (role: TenantRole): TenantMembership => buildMember({ tenantId: 't1', userId: 'u1', role });

function fakeReader(answers: Array<TenantMembership | null>) {
  const calls: string[] = [];
  const reader = fakePort<MembershipLookup>({
    find: async (tenantId: string, userId: string) => {
      calls.push(`${tenantId}#${userId}`);
      return answers.shift() ?? null;
    },
  });
  return { reader, calls };
}

describe('TenantAccessService', () => {
  it('lets platform admins in without a membership lookup', async () => {
    const { reader, calls } = fakeReader([]);
    const access = await new TenantAccessService(reader, 30_000).require(
      { ...caller, isPlatformAdmin: true },
      't1',
      ['ADMIN'],
    );
    expect(access).toEqual({ tenantId: 't1', isPlatformAdmin: true, role: null });
    expect(calls).toEqual([]);
  });

  it('answers 404 (not 403) to a non-member', async () => {
    const { reader } = fakeReader([null]);
    await expect(new TenantAccessService(reader, 30_000).require(caller, 't1')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('answers 403 to a member without the role', async () => {
    const { reader } = fakeReader([member('VIEWER')]);
    await expect(
      new TenantAccessService(reader, 30_000).require(caller, 't1', ['ADMIN', 'OPERATOR']),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('reuses a lookup within the cache lifetime and forgets it on demand', async () => {
    const { reader, calls } = fakeReader([member('ADMIN'), member('VIEWER')]);
    const service = new TenantAccessService(reader, 30_000);
    await service.require(caller, 't1', ['ADMIN']);
    await service.require(caller, 't1', ['ADMIN']);
    expect(calls).toHaveLength(1);
    service.forget('t1', 'u1');
    await expect(service.require(caller, 't1', ['ADMIN'])).rejects.toBeInstanceOf(ForbiddenError);
    expect(calls).toHaveLength(2);
  });
});
