export interface BackoffPolicy {
  baseSeconds: number;
  maxSeconds: number;
}

/** SQS refuses visibility timeouts above 12 h. */
export const MAX_VISIBILITY_SECONDS = 43_200;

/** Exponential backoff with jitter (half to full delay) for the n-th failed attempt, in whole seconds. */
export function backoffSeconds(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const delay = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.max(0, attempt - 1));
  return Math.min(MAX_VISIBILITY_SECONDS, Math.max(0, Math.round(delay / 2 + (random() * delay) / 2)));
}
