import { VULNERABILITY_SEVERITIES, type VulnerabilitySeverity } from '@bbws/data-access-catalogue';
import { isWpVersion } from '@bbws/shared-util';
import type { FeedVulnerability, ImportSkip, VersionRange } from './feed-vulnerability';
import { InvalidFeedError } from './vulnerability-feed.errors';

/** One record read for the catalogue: the plugin slugs it concerns, and what could not be used. */
export interface RecordReading {
  matches: { wpSlug: string; vulnerability: FeedVulnerability }[];
  skipped: ImportSkip[];
}

type JsonObject = Record<string, unknown>;

const OPEN_BOUND = '*';

/**
 * Reads one record of a Wordfence Intelligence v2 feed (`{ [id]: record }`) for the plugins of the
 * catalogue (`inCatalogue(slug)`): every record must carry `id`, `title` and `software[]` with
 * `type` and `slug` (else 400 `INVALID_FEED`); the software entries of other types or slugs are
 * dropped unread. Informational records and ranges with bounds that are not versions are skipped
 * and reported; severity is `cvss.rating`, else the CVSS v3 band of `cvss.score`, else MEDIUM.
 */
export function readFeedRecord(
  key: string,
  value: unknown,
  inCatalogue: (wpSlug: string) => boolean,
): RecordReading {
  const field = key.slice(0, 80);
  const record = object(value, field);
  const id = string(record.id, `${field}.id`);
  const title = string(record.title, `${field}.title`);
  const software = array(record.software, `${field}.software`).map((entry, index) =>
    object(entry, `${field}.software[${index}]`),
  );
  const reading: RecordReading = { matches: [], skipped: [] };
  software.forEach((entry, index) => {
    const at = `${field}.software[${index}]`;
    const type = string(entry.type, `${at}.type`);
    const wpSlug = string(entry.slug, `${at}.slug`);
    if (type !== 'plugin' || !inCatalogue(wpSlug)) return;
    if (record.informational === true) {
      reading.skipped.push({ reason: 'INFORMATIONAL', vulnerabilityId: id, wpSlug });
      return;
    }
    const ranges = readRanges(entry.affected_versions, `${at}.affected_versions`);
    const patched = optionalArray(entry.patched_versions, `${at}.patched_versions`).map((version, i) =>
      string(version, `${at}.patched_versions[${i}]`),
    );
    for (const label of ranges.uncomparable)
      reading.skipped.push({ reason: 'UNCOMPARABLE_RANGE', vulnerabilityId: id, wpSlug, value: label });
    for (const version of patched.filter((version) => !isWpVersion(version)))
      reading.skipped.push({
        reason: 'UNCOMPARABLE_PATCHED_VERSION',
        vulnerabilityId: id,
        wpSlug,
        value: version,
      });
    const cvss =
      record.cvss === null || record.cvss === undefined ? {} : object(record.cvss, `${field}.cvss`);
    const score = typeof cvss.score === 'number' && Number.isFinite(cvss.score) ? cvss.score : null;
    reading.matches.push({
      wpSlug,
      vulnerability: {
        id,
        title,
        severity: severityOf(cvss.rating, score),
        cvssScore: score,
        cve: typeof record.cve === 'string' && record.cve ? record.cve : null,
        ranges: ranges.comparable,
        patchedVersions: patched.filter(isWpVersion),
      },
    });
  });
  return reading;
}

function readRanges(value: unknown, field: string): { comparable: VersionRange[]; uncomparable: string[] } {
  const comparable: VersionRange[] = [];
  const uncomparable: string[] = [];
  for (const [label, raw] of Object.entries(object(value, field))) {
    const at = `${field}.${label.slice(0, 40)}`;
    const range = object(raw, at);
    const from = string(range.from_version, `${at}.from_version`);
    const to = string(range.to_version, `${at}.to_version`);
    if (![from, to].every((bound) => bound === OPEN_BOUND || isWpVersion(bound))) {
      uncomparable.push(label);
      continue;
    }
    comparable.push({
      from: from === OPEN_BOUND ? null : from,
      fromInclusive: range.from_inclusive === true,
      to: to === OPEN_BOUND ? null : to,
      toInclusive: range.to_inclusive === true,
    });
  }
  return { comparable, uncomparable };
}

/** CVSS v3.1 qualitative rating scale. */
function severityOf(rating: unknown, score: number | null): VulnerabilitySeverity {
  const named = typeof rating === 'string' ? rating.trim().toUpperCase() : '';
  if ((VULNERABILITY_SEVERITIES as readonly string[]).includes(named)) return named as VulnerabilitySeverity;
  if (score === null) return 'MEDIUM';
  if (score >= 9) return 'CRITICAL';
  if (score >= 7) return 'HIGH';
  if (score >= 4) return 'MEDIUM';
  return score > 0 ? 'LOW' : 'NONE';
}

function object(value: unknown, field: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidFeedError(field, 'must be an object');
  return value as JsonObject;
}

function array(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new InvalidFeedError(field, 'must be an array');
  return value;
}

function optionalArray(value: unknown, field: string): unknown[] {
  return value === undefined || value === null ? [] : array(value, field);
}

function string(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InvalidFeedError(field, 'must be a string');
  return value;
}
