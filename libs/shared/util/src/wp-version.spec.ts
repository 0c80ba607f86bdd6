import { compareWpVersions, isWpVersion } from './wp-version';

describe('compareWpVersions', () => {
  it.each([
    ['6.1', '6.1.0', 0],
    ['6.1', '6.1.1', -1],
    ['6.10', '6.9', 1],
    ['1.0.0.1', '1.0.0', 1],
    ['2.0.0-beta1', '2.0.0', -1],
    ['1.0-beta', '1.0', -1],
    ['5.3.1', '5.3', 1],
  ] as const)('orders %s against %s as %i', (a, b, expected) => {
    expect(compareWpVersions(a, b)).toBe(expected);
  });

  it('rejects what is not a version', () => {
    expect(isWpVersion('*')).toBe(false);
    expect(isWpVersion('1.0; DROP')).toBe(false);
    expect(() => compareWpVersions('latest', '1.0')).toThrow(/not a version/);
  });
});
