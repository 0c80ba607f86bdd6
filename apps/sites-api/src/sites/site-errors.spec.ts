import { QuotaExceededError, SubdomainTakenError } from '@bbws/data-access-sites';
import { pluginRefused, toCreateSiteAppError } from './site-errors';

describe('pluginRefused', () => {
  const pluginId = 'plg-1';

  it('names each catalogue refusal as API.md does, with the check’s details', () => {
    expect(
      pluginRefused({ ok: false, reason: 'BLOCKLISTED', pluginId, blocklistReason: 'Malware' }),
    ).toMatchObject({
      status: 422,
      code: 'PLUGIN_BLOCKLISTED',
      details: { pluginId, blocklistReason: 'Malware' },
    });
    expect(
      pluginRefused({
        ok: false,
        reason: 'VULNERABLE',
        pluginId,
        version: '1.0.0',
        vulnerabilityIds: ['v1'],
        safeVersion: '1.0.1',
      }),
    ).toMatchObject({
      status: 422,
      code: 'PLUGIN_VULNERABLE',
      details: { pluginId, version: '1.0.0', vulnerabilityIds: ['v1'], safeVersion: '1.0.1' },
    });
    expect(
      pluginRefused({
        ok: false,
        reason: 'INCOMPATIBLE_WORDPRESS',
        pluginId,
        version: '2.0.0',
        minWordPressVersion: '6.8',
        wordpressVersion: '6.6',
      }),
    ).toMatchObject({ status: 422, code: 'INCOMPATIBLE_WORDPRESS', details: { minWordPressVersion: '6.8' } });
    expect(
      pluginRefused({ ok: false, reason: 'CONFLICT', pluginId, conflictingPluginId: 'plg-2' }),
    ).toMatchObject({
      status: 409,
      code: 'PLUGIN_CONFLICT',
      details: { pluginId, conflictingPluginId: 'plg-2' },
    });
  });

  it.each(['PLUGIN_NOT_FOUND', 'NOT_APPROVED'] as const)(
    'answers %s as 422 PLUGIN_NOT_AVAILABLE',
    (reason) => {
      expect(pluginRefused({ ok: false, reason, pluginId })).toMatchObject({
        status: 422,
        code: 'PLUGIN_NOT_AVAILABLE',
        details: { pluginId, reason },
      });
    },
  );
});

describe('toCreateSiteAppError', () => {
  it('turns the store’s guard and quota refusals into 409 SUBDOMAIN_TAKEN and 422 QUOTA_EXCEEDED', () => {
    expect(toCreateSiteAppError(new SubdomainTakenError('shop'))).toMatchObject({
      status: 409,
      code: 'SUBDOMAIN_TAKEN',
      details: { subdomain: 'shop', heldBy: 'SITE' },
    });
    expect(toCreateSiteAppError(new QuotaExceededError('DEV', 5, 5))).toMatchObject({
      status: 422,
      code: 'QUOTA_EXCEEDED',
      details: { quota: 5, environment: 'DEV', count: 5 },
    });
  });

  it('passes anything else on', () => {
    const error = new Error('boom');
    expect(toCreateSiteAppError(error)).toBe(error);
  });
});
