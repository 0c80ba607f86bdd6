import type { FeedVulnerability, VersionRange } from './feed-vulnerability';
import { inRange, matchVersions } from './version-range.matcher';

const range = (
  from: string | null,
  to: string | null,
  fromInclusive = true,
  toInclusive = true,
): VersionRange => ({
  from,
  fromInclusive,
  to,
  toInclusive,
});

function vulnerability(
  id: string,
  ranges: VersionRange[],
  patchedVersions: string[] = [],
): FeedVulnerability {
  return {
    id,
    title: `Vulnerability ${id}`,
    severity: 'HIGH',
    cvssScore: 7.5,
    cve: null,
    ranges,
    patchedVersions,
  };
}

describe('inRange', () => {
  it.each([
    ['1.0.0', range('1.0.0', '1.2.3'), true],
    ['1.2.3', range('1.0.0', '1.2.3'), true],
    ['1.0.0', range('1.0.0', '1.2.3', false), false],
    ['1.2.3', range('1.0.0', '1.2.3', true, false), false],
    ['1.2.4', range('1.0.0', '1.2.3'), false],
    ['0.9', range('1.0.0', '1.2.3'), false],
    ['1.0', range('1.0.0', '1.0.0'), true],
    ['1.10', range('1.9', '1.9.9'), false],
    ['2.0.0-beta1', range('1.0', '2.0.0', true, false), true],
    ['0.0.1', range(null, '1.0'), true],
    ['99.0', range('1.0', null), true],
    ['5.3', range(null, null), true],
  ])('%s in %j: %s', (version, bounds, expected) => {
    expect(inRange(version, bounds)).toBe(expected);
  });
});

describe('matchVersions', () => {
  it('marks exactly the versions inside any range of each vulnerability', () => {
    const { byVersion } = matchVersions(
      ['1.0.0', '1.5.0', '2.0.0', '3.0.0'],
      [
        vulnerability('a', [range('1.0.0', '2.0.0', true, false)], ['2.0.0']),
        vulnerability('b', [range(null, '1.0.0'), range('3.0.0', '3.0.0')], ['1.0.1', '3.0.1']),
      ],
    );

    expect([...byVersion.keys()]).toEqual(['1.0.0', '1.5.0', '3.0.0']);
    expect(byVersion.get('1.0.0')!.map((found) => found.id)).toEqual(['a', 'b']);
    expect(byVersion.get('1.5.0')!.map((found) => found.id)).toEqual(['a']);
    expect(byVersion.get('3.0.0')!.map((found) => found.id)).toEqual(['b']);
  });

  it('sets fixedIn to the lowest patched version above the affected one, null when none is', () => {
    const { byVersion } = matchVersions(
      ['1.0.0', '2.5.0', '4.0.0'],
      [vulnerability('a', [range(null, null)], ['3.0.0', '1.2.0', '2.6.0', '1.0.0'])],
    );

    expect(byVersion.get('1.0.0')![0].fixedIn).toBe('1.2.0');
    expect(byVersion.get('2.5.0')![0].fixedIn).toBe('2.6.0');
    expect(byVersion.get('4.0.0')![0].fixedIn).toBeNull();
  });

  it('builds WORDFENCE catalogue vulnerabilities from the feed fields', () => {
    const { byVersion } = matchVersions(['1.0'], [vulnerability('a', [range(null, null)], ['1.1'])]);

    expect(byVersion.get('1.0')).toEqual([
      {
        id: 'a',
        title: 'Vulnerability a',
        severity: 'HIGH',
        cvssScore: 7.5,
        cve: null,
        fixedIn: '1.1',
        source: 'WORDFENCE',
      },
    ]);
  });

  it('skips and reports catalogue versions that are not comparable', () => {
    const result = matchVersions(['1.0', 'trunk'], [vulnerability('a', [range(null, null)])]);

    expect([...result.byVersion.keys()]).toEqual(['1.0']);
    expect(result.skipped).toEqual([{ reason: 'UNCOMPARABLE_CATALOGUE_VERSION', version: 'trunk' }]);
  });

  it('has nothing to say without vulnerabilities', () => {
    expect(matchVersions(['trunk'], [])).toEqual({ byVersion: new Map(), skipped: [] });
  });
});
