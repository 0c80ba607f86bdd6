import { footprintNotes, type MeasuredApp } from './footprint-notes';
import type { Footprint } from './measure-footprint';

const footprint = (coldStartMs: number, idleRssMb: number): Footprint => ({
  coldStartsMs: [coldStartMs],
  coldStartMs,
  idleRssMb,
  loadedRssMb: idleRssMb + 5,
  loadRequestsPerSecond: 100,
  loadNon2xx: 0,
});
const goals = { coldStartMs: 1000, idleRssMb: 100 };
const bare = footprint(300, 60);

describe('footprintNotes', () => {
  it('names each API app that misses a goal and by how much', () => {
    const apps: MeasuredApp[] = [
      { name: 'tenants-api', api: true, footprint: footprint(1200, 90) },
      { name: 'sites-api', api: true, footprint: footprint(900, 112) },
      { name: 'workers', api: false, footprint: footprint(3000, 150) },
    ];
    const [cold, rss, ...rest] = footprintNotes(apps, bare, goals);
    expect(rest).toEqual([]);
    expect(cold).toContain('tenants-api 1200 ms (+20 %)');
    expect(cold).not.toContain('sites-api');
    expect(rss).toContain('sites-api 112.0 MB (+12 %)');
    expect(rss).not.toContain('tenants-api');
    expect(`${cold} ${rss}`).not.toContain('workers');
  });

  it('has nothing to say when every API app meets both goals', () => {
    const apps: MeasuredApp[] = [{ name: 'tenants-api', api: true, footprint: footprint(1000, 100) }];
    expect(footprintNotes(apps, bare, goals)).toEqual([]);
  });
});
