import type { Clock } from '../core/clock.js';
import { callWithRetry } from '../dataworks/call-with-retry.js';
import type { RateLimiter } from '../dataworks/rate-limiter.js';
import type { Caller } from './list-live-files.js';

// Reads obey the same rules as writes: one rate limiter for the run, the same retry policy.
export function createCaller(deps: { clock: Clock; random: () => number; limiter: RateLimiter; signal?: AbortSignal }): Caller {
  return (fn) => callWithRetry(fn, {}, deps);
}
