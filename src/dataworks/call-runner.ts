import type { CallRunner, Clock, RateLimiter } from '../ports.js';
import { callWithRetry } from './call-with-retry.js';
import type { RetryPolicy } from './call-with-retry.js';

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
