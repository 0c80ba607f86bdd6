import { routeFor } from './route-table';

describe('routeFor', () => {
  it.each([
    ['/v1.0/tenants', 'tenants-api'],
    ['/v1.0/tenants?status=ACTIVE&pageSize=5', 'tenants-api'],
    ['/v1.0/tenants/tenant-1', 'tenants-api'],
    ['/v1.0/tenants/tenant-1/members/u-1', 'tenants-api'],
    ['/v1.0/tenants/tenant-1/divisions/div-1/groups', 'tenants-api'],
    ['/v1.0/users/me', 'tenants-api'],
    ['/v1.0/invitations/abc/accept', 'tenants-api'],
    ['/v1.0/tenants/tenant-1/instances', 'instances-api'],
    ['/v1.0/tenants/tenant-1/instances/DEV/scale', 'instances-api'],
    ['/v1.0/tenants/tenant-1/sites/site-1/backups', 'sites-api'],
    ['/v1.0/templates', 'templates-api'],
    ['/v1.0/admin/templates/tpl-1', 'templates-api'],
    ['/v1.0/plugins/plg-1', 'plugins-api'],
    ['/v1.0/admin/plugins', 'plugins-api'],
    ['/v1.0/operations/op-1', 'operations-api'],
    ['/v1.0/tenants/tenant-1/operations', 'operations-api'],
    ['/v1.0/tenants/tenant-1/webhooks/whk-1', 'operations-api'],
  ])('sends %s to %s', (url, app) => {
    expect(routeFor(url)).toBe(app);
  });

  it.each([
    '/v1.0/tenantsx',
    '/v1.0',
    '/v1.0/unknown',
    '/v2.0/tenants',
    '/tenants',
    '/v1.0/admin',
    '/v1.0/admin/tenants',
  ])('routes %s nowhere', (url) => {
    expect(routeFor(url)).toBeUndefined();
  });

  it('matches whole segments only, so a tenant id cannot pose as a sub-resource', () => {
    expect(routeFor('/v1.0/tenants/instances')).toBe('tenants-api');
    expect(routeFor('/v1.0/tenants//instances')).toBe('tenants-api');
  });
});
