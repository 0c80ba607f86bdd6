import { TestClock } from './test-clock';

describe('TestClock', () => {
  it('stands still when frozen until a test moves or sets it', () => {
    const clock = TestClock.frozen('2026-01-01T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    clock.advance(1_500);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.500Z');
    clock.set(new Date('2027-06-01T12:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2027-06-01T12:00:00.000Z');
  });

  it('runs with real time, shifted by what tests advance', () => {
    const clock = TestClock.running();
    const before = Date.now();
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
    clock.advance(3_600_000);
    const shifted = clock.now().getTime() - Date.now();
    expect(shifted).toBeGreaterThan(3_599_000);
    expect(shifted).toBeLessThanOrEqual(3_600_000);
    clock.set(new Date('2030-01-01T00:00:00.000Z'));
    expect(Math.abs(clock.now().getTime() - Date.parse('2030-01-01T00:00:00.000Z'))).toBeLessThan(1_000);
  });
});
