import {
  BrokenCircuitError,
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleWhen,
  retry,
  type RetryPolicy,
} from 'cockatiel';
import type { WordPressCall } from './wordpress-call';
import { circuitOpenError, isInstanceFailure } from './wordpress-error.mapper';

export interface ResilienceOptions {
  /** Retries after the first attempt, with exponential backoff and decorrelated jitter. */
  retry: { maxRetries: number; initialDelayMs: number; maxDelayMs: number };
  /** Opens after this many consecutive instance failures; lets one trial call through after the pause. */
  breaker: { consecutiveFailures: number; halfOpenAfterMs: number };
}

export const DEFAULT_RESILIENCE: ResilienceOptions = {
  retry: { maxRetries: 2, initialDelayMs: 250, maxDelayMs: 5_000 },
  breaker: { consecutiveFailures: 5, halfOpenAfterMs: 30_000 },
};

export type CircuitStateName = 'closed' | 'open' | 'half-open' | 'isolated';

/** Only idempotent calls may be repeated: a repeat must leave WordPress as one call would. */
export function shouldRetry(call: Pick<WordPressCall, 'idempotent'>): boolean {
  return call.idempotent;
}

/** Retry (idempotent calls only) around a circuit breaker per instance, around each attempt. */
export class InstanceResilience {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private readonly retryPolicy: RetryPolicy;

  constructor(private readonly options: ResilienceOptions = DEFAULT_RESILIENCE) {
    this.retryPolicy = retry(handleWhen(isInstanceFailure), {
      maxAttempts: options.retry.maxRetries,
      backoff: new ExponentialBackoff({
        initialDelay: options.retry.initialDelayMs,
        maxDelay: options.retry.maxDelayMs,
      }),
    });
  }

  async execute<T>(
    instanceKey: string,
    call: Pick<WordPressCall, 'operation' | 'idempotent'>,
    attempt: () => Promise<T>,
  ): Promise<T> {
    const breaker = this.breakerFor(instanceKey);
    const guarded = (): Promise<T> => breaker.execute(attempt);
    try {
      return shouldRetry(call) ? await this.retryPolicy.execute(guarded) : await guarded();
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        throw circuitOpenError(call);
      }
      throw error;
    }
  }

  circuitState(instanceKey: string): CircuitStateName {
    const state = this.breakers.get(instanceKey)?.state ?? CircuitState.Closed;
    switch (state) {
      case CircuitState.Closed:
        return 'closed';
      case CircuitState.Open:
        return 'open';
      case CircuitState.HalfOpen:
        return 'half-open';
      case CircuitState.Isolated:
        return 'isolated';
    }
  }

  private breakerFor(instanceKey: string): CircuitBreakerPolicy {
    let breaker = this.breakers.get(instanceKey);
    if (!breaker) {
      breaker = circuitBreaker(handleWhen(isInstanceFailure), {
        halfOpenAfter: this.options.breaker.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(this.options.breaker.consecutiveFailures),
      });
      this.breakers.set(instanceKey, breaker);
    }
    return breaker;
  }
}
