import { cancellersForType, cancellersOf } from './operation-cancel.policy';

describe('operation cancel policy', () => {
  it.each([
    'TENANT_SUSPEND',
    'TENANT_RESUME',
    'TENANT_PARK',
    'TENANT_UNPARK',
    'INSTANCE_PROVISION',
    'INSTANCE_SUSPEND',
    'INSTANCE_DEPROVISION',
  ])('keeps %s (a platform-admin action) to platform admins', (type) => {
    expect(cancellersForType(type)).toBe('PLATFORM_ADMINS');
  });

  it.each(['SITE_CREATION', 'SITE_UPDATE', 'BACKUP', 'PLUGIN_INSTALLATION'])(
    'lets the creator and tenant ADMINs cancel %s',
    (type) => {
      expect(cancellersForType(type)).toBe('CREATOR_AND_TENANT_ADMINS');
    },
  );

  it('uses the stored cancellers, and the type for operations stored without them', () => {
    expect(cancellersOf({ type: 'SITE_CREATION', cancellableBy: 'PLATFORM_ADMINS' })).toBe('PLATFORM_ADMINS');
    expect(cancellersOf({ type: 'TENANT_SUSPEND' })).toBe('PLATFORM_ADMINS');
    expect(cancellersOf({ type: 'SITE_CREATION' })).toBe('CREATOR_AND_TENANT_ADMINS');
  });
});
