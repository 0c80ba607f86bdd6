import { packageKey, sortVersions } from './plugin-versions.rules';

describe('plugin versions', () => {
  it('orders versions newest first in WordPress order', () => {
    const versions = ['1.2', '1.10.0', '2.0.0-beta1', '1.9', '2.0.0'].map((version) => ({ version }));
    expect(sortVersions(versions).map((v) => v.version)).toEqual([
      '2.0.0',
      '2.0.0-beta1',
      '1.10.0',
      '1.9',
      '1.2',
    ]);
  });

  it('keeps a package under packages/plugins/{wpSlug}/{version}/{sha256}.zip', () => {
    expect(packageKey('akismet', '5.3', 'ab12')).toBe('packages/plugins/akismet/5.3/ab12.zip');
  });
});
