import { platformRss, targetFigure } from './local-platform.session';

describe('targetFigure', () => {
  it('is the time in seconds with its target as a goal, never checked against the baseline', () => {
    expect(targetFigure('sites.creation', 'site creation', 2468, 20_000)).toEqual({
      key: 'sites.creation',
      label: 'site creation',
      value: 2.5,
      unit: 's',
      goal: { op: '<=', value: 20 },
      chart: 'local platform',
    });
  });
});

describe('platformRss', () => {
  it("gives the platform's idle and after-work RSS as figures of the platform chart, named for the bench", () => {
    const idle = { totalMb: 1612.6, parts: [{ name: 'DynamoDB Local (java)', processes: 1, mb: 195.1 }] };
    const after = { totalMb: 1728.2, parts: [{ name: 'node (watchdog)', processes: 3, mb: 123.9 }] };
    const { figures, lines } = platformRss('sites', 'a site', idle, after);
    expect(figures).toEqual([
      {
        key: 'platform.sites.idle-rss',
        label: 'whole platform RSS (sites bench), idle after ready',
        value: 1613,
        unit: 'MB',
        chart: 'platform',
      },
      {
        key: 'platform.sites.after-rss',
        label: 'whole platform RSS (sites bench), after a site',
        value: 1728,
        unit: 'MB',
        chart: 'platform',
      },
    ]);
    expect(lines[0]).toBe('whole platform RSS, idle after ready: 1613 MB');
    expect(lines).toContain(`  ${'node (watchdog)'.padEnd(48)}   123.9 MB (3 processes)`);
  });
});
