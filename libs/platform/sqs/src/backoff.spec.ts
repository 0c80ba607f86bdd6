import { backoffSeconds } from './backoff';

describe('backoffSeconds', () => {
  const policy = { baseSeconds: 5, maxSeconds: 300 };

  it('doubles per attempt between half and the full delay', () => {
    expect(backoffSeconds(1, policy, () => 0)).toBe(3);
    expect(backoffSeconds(1, policy, () => 1)).toBe(5);
    expect(backoffSeconds(3, policy, () => 1)).toBe(20);
    expect(backoffSeconds(3, policy, () => 0)).toBe(10);
  });

  it('is capped by the policy and by the 12 h SQS limit', () => {
    expect(backoffSeconds(20, policy, () => 1)).toBe(300);
    expect(backoffSeconds(40, { baseSeconds: 60, maxSeconds: 100_000 }, () => 1)).toBe(43_200);
  });
});
