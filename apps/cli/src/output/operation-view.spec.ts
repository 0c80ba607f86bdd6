import type { Operation } from '@bbws/sdk';
import { resultIdOf } from './operation-view';

const finished = (type: string, result: Record<string, unknown> | null) =>
  ({ operationId: 'op-1', type, resourceType: 'site', resourceId: 'site-source', result }) as Operation;

describe('resultIdOf (what --quiet --wait prints)', () => {
  it('is the created resource for operations that create another one: a clone, a backup', () => {
    expect(resultIdOf(finished('SITE_CLONE', { targetSiteId: 'site-copy', backupId: 'bkp-1' }))).toBe(
      'site-copy',
    );
    expect(resultIdOf(finished('BACKUP', { siteId: 'site-source', backupId: 'bkp-2' }))).toBe('bkp-2');
  });

  it('is the resource the operation ran on otherwise, even when its result names a backup', () => {
    expect(resultIdOf(finished('SITE_CREATION', { siteId: 'site-source' }))).toBe('site-source');
    expect(resultIdOf(finished('SITE_DELETION', { siteId: 'site-source', backupId: 'bkp-3' }))).toBe(
      'site-source',
    );
    expect(resultIdOf(finished('SITE_CLONE', null))).toBe('site-source');
  });
});
