import { UpstreamError } from '@bbws/shared-errors';
import { InstanceResilience, shouldRetry, type ResilienceOptions } from './instance-resilience.policy';

const options: ResilienceOptions = {
  retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2 },
  breaker: { consecutiveFailures: 3, halfOpenAfterMs: 50 },
};
const retryable = () => new UpstreamError('down', { code: 'WORDPRESS_UNREACHABLE', retryable: true });
const notRetryable = () =>
  new UpstreamError('bad', { code: 'WORDPRESS_REST_FORBIDDEN', retryable: false, upstreamStatus: 403 });
const idempotent = { operation: 'getSiteInfo', idempotent: true };
const nonIdempotent = { operation: 'createSite', idempotent: false };

describe('InstanceResilience', () => {
  it('chooses retries for idempotent calls only', () => {
    expect(shouldRetry({ idempotent: true })).toBe(true);
    expect(shouldRetry({ idempotent: false })).toBe(false);
  });

  it('retries an idempotent call after retryable failures', async () => {
    const resilience = new InstanceResilience(options);
    const attempt = jest.fn().mockRejectedValueOnce(retryable()).mockResolvedValueOnce('ok');

    await expect(resilience.execute('a', idempotent, attempt)).resolves.toBe('ok');
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  it('gives up after the configured number of retries', async () => {
    const resilience = new InstanceResilience({
      ...options,
      breaker: { consecutiveFailures: 10, halfOpenAfterMs: 50 },
    });
    const attempt = jest.fn().mockRejectedValue(retryable());

    await expect(resilience.execute('a', idempotent, attempt)).rejects.toMatchObject({
      code: 'WORDPRESS_UNREACHABLE',
    });
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('never repeats a non-idempotent call', async () => {
    const resilience = new InstanceResilience(options);
    const attempt = jest.fn().mockRejectedValue(retryable());

    await expect(resilience.execute('a', nonIdempotent, attempt)).rejects.toMatchObject({ retryable: true });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('does not retry a non-retryable failure', async () => {
    const resilience = new InstanceResilience(options);
    const attempt = jest.fn().mockRejectedValue(notRetryable());

    await expect(resilience.execute('a', idempotent, attempt)).rejects.toMatchObject({ upstreamStatus: 403 });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('opens the breaker of one instance after consecutive failures and fails fast without calling it', async () => {
    const resilience = new InstanceResilience(options);
    const failing = jest.fn().mockRejectedValue(retryable());
    for (let i = 0; i < 3; i++) {
      await resilience.execute('a', nonIdempotent, failing).catch(() => undefined);
    }

    const healthy = jest.fn().mockResolvedValue('ok');
    await expect(resilience.execute('a', nonIdempotent, healthy)).rejects.toMatchObject({
      code: 'WORDPRESS_CIRCUIT_OPEN',
      retryable: true,
    });
    expect(healthy).not.toHaveBeenCalled();
    expect(resilience.circuitState('a')).toBe('open');
    await expect(resilience.execute('b', nonIdempotent, healthy)).resolves.toBe('ok');
  });

  it('does not open the breaker on answers that are the caller’s fault', async () => {
    const resilience = new InstanceResilience(options);
    for (let i = 0; i < 5; i++) {
      await resilience
        .execute('a', nonIdempotent, () => Promise.reject(notRetryable()))
        .catch(() => undefined);
    }

    expect(resilience.circuitState('a')).toBe('closed');
  });

  it('closes the breaker again after a successful trial call', async () => {
    const resilience = new InstanceResilience(options);
    for (let i = 0; i < 3; i++) {
      await resilience.execute('a', nonIdempotent, () => Promise.reject(retryable())).catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 60));

    await expect(resilience.execute('a', nonIdempotent, () => Promise.resolve('back'))).resolves.toBe('back');
    expect(resilience.circuitState('a')).toBe('closed');
  });
});
