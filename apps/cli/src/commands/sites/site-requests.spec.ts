import { EXIT } from '../../runtime/exit-codes';
import {
  cloneSiteBody,
  createSiteBody,
  promoteSiteBody,
  siteStatusBody,
  updateSiteBody,
} from './site-requests';

describe('site request bodies', () => {
  it('creates with only the given fields, so the API applies its defaults (DEV, no template)', () => {
    expect(createSiteBody({ name: 'Bakery', subdomain: 'bakery' })).toEqual({
      siteName: 'Bakery',
      subdomain: 'bakery',
    });
    expect(
      createSiteBody({
        name: 'Bakery',
        subdomain: 'bakery',
        env: 'SIT',
        template: 'tpl-1',
        plugin: ['plg-1', 'plg-2'],
        adminEmail: 'owner@bakery.test',
      }),
    ).toEqual({
      siteName: 'Bakery',
      subdomain: 'bakery',
      environment: 'SIT',
      templateId: 'tpl-1',
      plugins: ['plg-1', 'plg-2'],
      adminEmail: 'owner@bakery.test',
    });
  });

  it('updates the name and the --set configuration keys, nothing else', () => {
    expect(updateSiteBody({ name: 'New name' })).toEqual({ siteName: 'New name' });
    expect(updateSiteBody({ set: ['tagline=Fresh bread', 'timezone=Europe/Berlin'] })).toEqual({
      configuration: { tagline: 'Fresh bread', timezone: 'Europe/Berlin' },
    });
  });

  it('refuses an update without anything to change (usage)', () => {
    expect(() => updateSiteBody({ set: [] })).toThrow(expect.objectContaining({ exitCode: EXIT.USAGE }));
  });

  it('clones, promotes and changes status with the API names', () => {
    expect(cloneSiteBody({ name: 'Copy', subdomain: 'copy' })).toEqual({
      siteName: 'Copy',
      subdomain: 'copy',
    });
    expect(cloneSiteBody({ name: 'Copy', subdomain: 'copy', env: 'SIT' })).toMatchObject({
      environment: 'SIT',
    });
    expect(promoteSiteBody({ to: 'PROD' })).toEqual({ targetEnvironment: 'PROD' });
    expect(siteStatusBody('SUSPENDED', 'Unpaid')).toEqual({ status: 'SUSPENDED', reason: 'Unpaid' });
    expect(siteStatusBody('ACTIVE')).toEqual({ status: 'ACTIVE' });
  });
});
