import { readFeedRecord } from './wordfence-feed.reader';

const ID = '848ccbdc-c6f1-480f-a272-cd459e706713';

function record(software: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return {
    id: ID,
    title: 'Example Plugin <= 1.2.3 - Stored XSS',
    software,
    description: 'An example vulnerability',
    cvss: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', score: 7.5, rating: 'High' },
    cve: 'CVE-2026-0001',
    ...extra,
  };
}

function plugin(slug: string, affected: Record<string, unknown>, patched: string[] = []) {
  return {
    type: 'plugin',
    name: slug,
    slug,
    affected_versions: affected,
    patched: patched.length > 0,
    patched_versions: patched,
  };
}

const range = (from: string, to: string, fromInclusive = true, toInclusive = true) => ({
  from_version: from,
  from_inclusive: fromInclusive,
  to_version: to,
  to_inclusive: toInclusive,
});

const everySlug = () => true;

describe('readFeedRecord (Wordfence Intelligence v2)', () => {
  it('reads ranges, patched versions, severity from cvss.rating, score, CVE and title per plugin slug', () => {
    const reading = readFeedRecord(
      ID,
      record([
        plugin(
          'example',
          { '1.0.0 - 1.2.3': range('1.0.0', '1.2.3'), '2.0 - 2.1': range('2.0', '2.1', false, false) },
          ['1.2.4', '2.1'],
        ),
      ]),
      everySlug,
    );

    expect(reading).toEqual({
      matches: [
        {
          wpSlug: 'example',
          vulnerability: {
            id: ID,
            title: 'Example Plugin <= 1.2.3 - Stored XSS',
            severity: 'HIGH',
            cvssScore: 7.5,
            cve: 'CVE-2026-0001',
            ranges: [
              { from: '1.0.0', fromInclusive: true, to: '1.2.3', toInclusive: true },
              { from: '2.0', fromInclusive: false, to: '2.1', toInclusive: false },
            ],
            patchedVersions: ['1.2.4', '2.1'],
          },
        },
      ],
      skipped: [],
    });
  });

  it('reads "*" as an open bound', () => {
    const reading = readFeedRecord(ID, record([plugin('example', { '*': range('*', '*') })]), everySlug);

    expect(reading.matches[0].vulnerability.ranges).toEqual([
      { from: null, fromInclusive: true, to: null, toInclusive: true },
    ]);
  });

  it('keeps only plugin entries of catalogue slugs, one match per slug', () => {
    const reading = readFeedRecord(
      ID,
      record([
        plugin('ours', { '*': range('*', '1.0') }),
        plugin('theirs', { '*': range('*', '1.0') }),
        { type: 'theme', slug: 'ours', affected_versions: { '*': range('*', '*') } },
        { type: 'core', slug: 'wordpress', affected_versions: 'not even read' },
      ]),
      (slug) => slug === 'ours',
    );

    expect(reading.matches.map((match) => match.wpSlug)).toEqual(['ours']);
  });

  it.each([
    [{ rating: 'Critical', score: 9.8 }, 'CRITICAL'],
    [{ rating: 'medium' }, 'MEDIUM'],
    [{ rating: 'Low', score: 3.1 }, 'LOW'],
    [{ rating: 'None', score: 0 }, 'NONE'],
    [{ rating: 'Severe', score: 9.1 }, 'CRITICAL'],
    [{ rating: 'Unknown', score: 7 }, 'HIGH'],
    [{ score: 4 }, 'MEDIUM'],
    [{ score: 0.1 }, 'LOW'],
    [null, 'MEDIUM'],
  ])('takes the severity of cvss %j as %s (an unknown rating falls back on the score)', (cvss, severity) => {
    const reading = readFeedRecord(
      ID,
      record([plugin('example', { '*': range('*', '*') })], { cvss }),
      everySlug,
    );

    expect(reading.matches[0].vulnerability.severity).toBe(severity);
  });

  it('reports unusable ranges and patched versions and keeps the rest', () => {
    const reading = readFeedRecord(
      ID,
      record([
        plugin('example', { 'beta - 1.0': range('beta one', '1.0'), '* - 2.0': range('*', '2.0') }, [
          '2.0.1',
          'soon',
        ]),
      ]),
      everySlug,
    );

    expect(reading.matches[0].vulnerability).toMatchObject({
      ranges: [{ from: null, to: '2.0' }],
      patchedVersions: ['2.0.1'],
    });
    expect(reading.skipped).toEqual([
      { reason: 'UNCOMPARABLE_RANGE', vulnerabilityId: ID, wpSlug: 'example', value: 'beta - 1.0' },
      { reason: 'UNCOMPARABLE_PATCHED_VERSION', vulnerabilityId: ID, wpSlug: 'example', value: 'soon' },
    ]);
  });

  it('skips an informational record and says so', () => {
    const reading = readFeedRecord(
      ID,
      record([plugin('example', { '*': range('*', '*') })], { informational: true }),
      everySlug,
    );

    expect(reading).toEqual({
      matches: [],
      skipped: [{ reason: 'INFORMATIONAL', vulnerabilityId: ID, wpSlug: 'example' }],
    });
  });

  it('takes a missing or empty CVE as none', () => {
    const reading = readFeedRecord(
      ID,
      record([plugin('example', { '*': range('*', '*') })], { cve: null }),
      everySlug,
    );

    expect(reading.matches[0].vulnerability).toMatchObject({ cve: null, cvssScore: 7.5 });
  });

  it.each([
    ['a record that is not an object', 'oops', `${ID}`],
    ['a record without id', { ...record([]), id: undefined }, `${ID}.id`],
    ['software that is not a list', { ...record([]), software: {} }, `${ID}.software`],
    ['a software entry without slug', record([{ type: 'plugin' }]), `${ID}.software[0].slug`],
    [
      'a range bound that is not a string',
      record([plugin('example', { x: { ...range('*', '*'), to_version: 2 } })]),
      `${ID}.software[0].affected_versions.x.to_version`,
    ],
  ])('refuses %s as 400 INVALID_FEED naming the field', (_label, value, field) => {
    expect(() => readFeedRecord(ID, value, everySlug)).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'INVALID_FEED',
        details: { fields: [{ field, messages: [expect.any(String)] }] },
      }),
    );
  });
});
