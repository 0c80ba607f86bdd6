import { evaluateGoal } from './goal';

describe('evaluateGoal', () => {
  it('meets a floor at or above it and says by how much below it is missed', () => {
    expect(evaluateGoal(90, { op: '>=', value: 90 })).toEqual({
      met: true,
      missedByPercent: 0,
      verdict: 'met',
    });
    const missed = evaluateGoal(84, { op: '>=', value: 90 });
    expect(missed.met).toBe(false);
    expect(missed.missedByPercent).toBeCloseTo(6.667, 2);
    expect(missed.verdict).toBe('missed by 6.7 %');
  });

  it('meets a ceiling at or below it and says by how much above it is missed', () => {
    expect(evaluateGoal(1.2, { op: '<=', value: 1.25 }).met).toBe(true);
    const missed = evaluateGoal(1.4, { op: '<=', value: 1 });
    expect(missed.met).toBe(false);
    expect(missed.verdict).toBe('missed by 40 %');
  });

  it('says a goal of 0 is missed by the value itself, not by a percentage', () => {
    expect(evaluateGoal(0, { op: '<=', value: 0 }).met).toBe(true);
    expect(evaluateGoal(3, { op: '<=', value: 0 })).toEqual({
      met: false,
      missedByPercent: Number.POSITIVE_INFINITY,
      verdict: 'missed: 3, not 0',
    });
  });
});
