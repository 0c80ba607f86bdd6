import { compareVersions, validate } from 'compare-versions';

/** A WordPress, PHP or plugin version as headers write them: `6.1`, `5.3.1`, `1.0.0.1`, `2.0.0-beta1`. */
const VERSION_PATTERN = /^\d+(\.\d+){0,3}([-+.]?[0-9A-Za-z.-]+)?$/;

export function isWpVersion(value: string): boolean {
  return value.length <= 32 && VERSION_PATTERN.test(value);
}

/**
 * Orders versions numerically part by part (`6.1` = `6.1.0` < `6.1.1` < `6.10`), a pre-release
 * before its release; `-1`, `0` or `1`. Versions core's headers allow but semver does not
 * (`1.0-beta`, `1.0.0.1`) are normalised first; throws on a value `isWpVersion` rejects.
 */
export function compareWpVersions(a: string, b: string): -1 | 0 | 1 {
  return compareVersions(normalise(a), normalise(b));
}

function normalise(version: string): string {
  if (!isWpVersion(version)) throw new Error(`not a version: ${JSON.stringify(version)}`);
  if (validate(version)) return version;
  const match = /^(\d+(?:\.\d+){0,3})[-+.]?(.*)$/.exec(version);
  const [numeric, suffix] = match ? [match[1], match[2]] : [version, ''];
  if (!suffix) return numeric;
  // A pre-release needs three numeric parts to be read as one (`1.0-beta` → `1.0.0-beta`).
  const parts = numeric.split('.');
  while (parts.length < 3) parts.push('0');
  return `${parts.join('.')}-${suffix.replace(/[^0-9A-Za-z.-]/g, '')}`;
}
