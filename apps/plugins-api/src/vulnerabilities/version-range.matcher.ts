import type { PluginVulnerability } from '@bbws/data-access-catalogue';
import { compareWpVersions, isWpVersion } from '@bbws/shared-util';
import type { FeedVulnerability, ImportSkip, VersionRange } from './feed-vulnerability';

export interface VersionMatches {
  /** Per catalogue version, the feed's vulnerabilities affecting it (by id). */
  byVersion: Map<string, PluginVulnerability[]>;
  skipped: ImportSkip[];
}

/**
 * Which of a plugin's catalogue versions each vulnerability affects (any of its ranges), with
 * `fixedIn` the lowest patched version above the affected one (null when none is). Catalogue
 * versions that are not comparable are skipped and reported (when there is anything to match).
 */
export function matchVersions(
  versions: readonly string[],
  vulnerabilities: readonly FeedVulnerability[],
): VersionMatches {
  const byVersion = new Map<string, PluginVulnerability[]>();
  const skipped: ImportSkip[] = [];
  if (!vulnerabilities.length) return { byVersion, skipped };
  for (const version of versions) {
    if (!isWpVersion(version)) {
      skipped.push({ reason: 'UNCOMPARABLE_CATALOGUE_VERSION', version });
      continue;
    }
    const affecting = vulnerabilities
      .filter((vulnerability) => vulnerability.ranges.some((range) => inRange(version, range)))
      .map((vulnerability) => toPluginVulnerability(vulnerability, version));
    if (affecting.length) byVersion.set(version, affecting);
  }
  return { byVersion, skipped };
}

export function inRange(version: string, range: VersionRange): boolean {
  if (range.from !== null) {
    const order = compareWpVersions(version, range.from);
    if (order < 0 || (order === 0 && !range.fromInclusive)) return false;
  }
  if (range.to !== null) {
    const order = compareWpVersions(version, range.to);
    if (order > 0 || (order === 0 && !range.toInclusive)) return false;
  }
  return true;
}

function toPluginVulnerability(vulnerability: FeedVulnerability, version: string): PluginVulnerability {
  const fixedIn =
    vulnerability.patchedVersions
      .filter((patched) => compareWpVersions(patched, version) > 0)
      .sort(compareWpVersions)[0] ?? null;
  return {
    id: vulnerability.id,
    title: vulnerability.title,
    severity: vulnerability.severity,
    cvssScore: vulnerability.cvssScore,
    cve: vulnerability.cve,
    fixedIn,
    source: 'WORDFENCE',
  };
}
