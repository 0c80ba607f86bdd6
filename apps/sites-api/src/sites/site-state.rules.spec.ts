import type { TenantAccess } from '@bbws/platform-auth';
import { buildSite } from '@bbws/testing-sites';
import {
  allowedActions,
  allowedStatusTransitions,
  assertSiteAction,
  assertStatusChange,
  hasContent,
  isSoftDeleted,
  rolesFor,
} from './site-state.rules';

const now = new Date('2026-06-01T12:00:00Z');
const member = (role: TenantAccess['role']): TenantAccess => ({
  tenantId: 't',
  isPlatformAdmin: false,
  role,
});
const staff: TenantAccess = { tenantId: 't', isPlatformAdmin: true, role: null };
const later = '2026-06-02T12:00:00Z';
const earlier = '2026-05-31T12:00:00Z';

describe('site state rules', () => {
  it('lists the actions per role on an ACTIVE DEV site, none while an operation runs', () => {
    const site = buildSite({ status: 'ACTIVE' });
    expect(allowedActions(site, member('ADMIN'), now, false)).toEqual([
      'UPDATE',
      'APPLY_TEMPLATE',
      'DELETE',
      'SUSPEND',
      'CLONE',
      'PROMOTE',
      'BACKUP',
      'RESTORE',
    ]);
    expect(allowedActions(site, member('OPERATOR'), now, false)).toEqual([
      'UPDATE',
      'APPLY_TEMPLATE',
      'CLONE',
    ]);
    expect(allowedActions(site, member('VIEWER'), now, false)).toEqual([]);
    expect(allowedActions(site, member('ADMIN'), now, true)).toEqual([]);
  });

  it('locks PROD settings and templates for members, not for platform admins, and never promotes PROD', () => {
    const site = buildSite({ status: 'ACTIVE', environment: 'PROD' });
    expect(allowedActions(site, member('ADMIN'), now, false)).toEqual([
      'DELETE',
      'SUSPEND',
      'CLONE',
      'BACKUP',
      'RESTORE',
    ]);
    expect(allowedActions(site, staff, now, false)).toEqual(
      expect.arrayContaining(['UPDATE', 'APPLY_TEMPLATE']),
    );
    expect(allowedActions(site, staff, now, false)).not.toContain('PROMOTE');
    expect(() => assertSiteAction(site, 'UPDATE', member('ADMIN'), now)).toThrow(
      expect.objectContaining({ code: 'PROD_CONTENT_LOCKED', status: 422 }),
    );
    expect(() => assertSiteAction(site, 'UPDATE', staff, now)).not.toThrow();
  });

  it('retries a FAILED site for ADMIN and OPERATOR, on PROD for ADMIN only; deletes it for ADMIN', () => {
    const failed = buildSite({ status: 'FAILED' });
    expect(allowedActions(failed, member('ADMIN'), now, false)).toEqual(['DELETE', 'RETRY']);
    expect(allowedActions(failed, member('OPERATOR'), now, false)).toEqual(['RETRY']);
    expect(allowedActions(failed, member('VIEWER'), now, false)).toEqual([]);
    const prod = { ...failed, environment: 'PROD' as const };
    expect(rolesFor(prod, 'RETRY')).toEqual(['ADMIN']);
    expect(allowedActions(prod, member('OPERATOR'), now, false)).toEqual([]);
    expect(allowedActions(prod, staff, now, false)).toEqual(['DELETE', 'RETRY']);
    expect(() => assertSiteAction(buildSite({ status: 'ACTIVE' }), 'RETRY', staff, now)).toThrow(
      expect.objectContaining({ code: 'INVALID_SITE_STATE', status: 422 }),
    );
  });

  it('undeletes only a PROD site DEPROVISIONING before its purgeAfter', () => {
    const soft = buildSite({ environment: 'PROD', status: 'DEPROVISIONING', purgeAfter: later });
    expect(isSoftDeleted(soft, now)).toBe(true);
    expect(isSoftDeleted({ ...soft, purgeAfter: earlier }, now)).toBe(false);
    expect(isSoftDeleted({ ...soft, purgeAfter: null }, now)).toBe(false);
    expect(isSoftDeleted({ ...soft, environment: 'DEV' }, now)).toBe(false);
    expect(assertStatusChange(soft, 'ACTIVE', now)).toBe('UNDELETE');
    expect(allowedStatusTransitions(soft, now)).toEqual(['ACTIVE']);
    expect(() => assertStatusChange({ ...soft, purgeAfter: earlier }, 'ACTIVE', now)).toThrow(
      expect.objectContaining({ code: 'INVALID_STATUS_TRANSITION' }),
    );
  });

  it('answers the same status with INVALID_STATUS_TRANSITION and the allowed moves', () => {
    const active = buildSite({ status: 'ACTIVE' });
    expect(assertStatusChange(active, 'SUSPENDED', now)).toBe('SUSPEND');
    expect(() => assertStatusChange(active, 'ACTIVE', now)).toThrow(
      expect.objectContaining({
        code: 'INVALID_STATUS_TRANSITION',
        details: { currentStatus: 'ACTIVE', requestedStatus: 'ACTIVE', allowedTransitions: ['SUSPENDED'] },
      }),
    );
    expect(assertStatusChange({ ...active, status: 'SUSPENDED' }, 'ACTIVE', now)).toBe('RESUME');
  });

  it('names the status in INVALID_SITE_STATE', () => {
    expect(() => assertSiteAction(buildSite({ status: 'FAILED' }), 'CLONE', member('ADMIN'), now)).toThrow(
      expect.objectContaining({
        code: 'INVALID_SITE_STATE',
        details: expect.objectContaining({ status: 'FAILED', action: 'CLONE', allowedStatuses: ['ACTIVE'] }),
      }),
    );
  });

  it('knows a site has content once it got a template or promoted content', () => {
    expect(hasContent(buildSite())).toBe(false);
    expect(hasContent(buildSite({ templateId: 'tpl-1' }))).toBe(true);
    expect(hasContent(buildSite({ promotedFromSiteId: 'site-1' }))).toBe(true);
  });
});
