import type { Clock } from '../ports.js';
import { callWithRetry } from './call-with-retry.js';
import type { RetryPolicy } from './call-with-retry.js';
import type { RateLimiter } from './rate-limiter.js';

// Every call of a run, read or write, goes through one of these: the same rate limiter, the same
// retry rules, the same abort signal.
export type CallRunner = <T>(call: () => Promise<T>) => Promise<{ value: T; attempts: number }>;

export function createCallRunner(deps: {
  clock: Clock;
  random: () => number;
  limiter: RateLimiter;
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
}): CallRunner {
  const { retry = {}, ...retryDeps } = deps;
  return (call) => callWithRetry(call, retry, retryDeps);
}
