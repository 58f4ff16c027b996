import type { Clock, RateLimiter } from '../ports.js';
import { RemoteError } from '../errors.js';
import { isThrottlingCode } from './classify-error.js';

export type RetryPolicy = { maxAttempts: number; baseMs: number; capMs: number };

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseMs: 200, capMs: 20_000 };

export type RetryDeps = {
  clock: Clock;
  random: () => number; // in [0, 1)
  signal?: AbortSignal;
  limiter?: RateLimiter;
  onRetry?(err: RemoteError, attempt: number, delayMs: number): void;
};

// The RemoteError callWithRetry gives up with, carrying how many attempts it made.
export type AttemptedRemoteError = RemoteError & { readonly attempts: number };

export function attemptsOf(err: unknown): number | null {
  if (!(err instanceof RemoteError)) return null;
  const attempts = (err as Partial<AttemptedRemoteError>).attempts;
  return typeof attempts === 'number' ? attempts : null;
}

// Full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): spreads retries of many
// concurrent callers over the whole window instead of having them return in lockstep.
export function computeBackoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  return random() * ceiling;
}

export async function callWithRetry<T>(
  fn: () => Promise<T>,
  policy: Partial<RetryPolicy>,
  deps: RetryDeps,
): Promise<{ value: T; attempts: number }> {
  const full: RetryPolicy = { ...defaultRetryPolicy, ...policy };
  const maxAttempts = Math.max(1, Math.floor(full.maxAttempts));
  for (let attempt = 1; ; attempt++) {
    deps.signal?.throwIfAborted();
    if (deps.limiter) await deps.limiter.take(deps.signal);
    try {
      const value = await fn();
      deps.limiter?.onSuccess?.();
      return { value, attempts: attempt };
    } catch (err) {
      // Anything but a RemoteError (missing credentials, a bug) is not ours to retry.
      if (!(err instanceof RemoteError)) throw err;
      if (isThrottlingCode(err.code) || (err.status === 429 && !err.quota)) deps.limiter?.onThrottle?.({ retryAfterMs: err.retryAfterMs });
      if (!err.retryable || err.quota || attempt >= maxAttempts) throw withAttempts(err, attempt);
      const delayMs = Math.max(computeBackoffMs(attempt, full, deps.random), err.retryAfterMs ?? 0);
      deps.onRetry?.(err, attempt, delayMs);
      await deps.clock.sleep(delayMs, deps.signal);
    }
  }
}

function withAttempts(err: RemoteError, attempts: number): AttemptedRemoteError {
  Object.defineProperty(err, 'attempts', { value: attempts, enumerable: true, configurable: true });
  return err as AttemptedRemoteError;
}
