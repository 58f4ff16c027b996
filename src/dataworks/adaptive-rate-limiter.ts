import type { Clock } from '../core/clock.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';

export type AdaptiveRateLimiter = Required<RateLimiter> & { currentQps(): number };

// Used when no qps is configured: start fast and let the service say how fast is too fast
// (AIMD, as TCP does). A throttling answer halves the rate; each quiet second adds 1 qps back.
// Calls already in flight when the first throttle arrives often come back throttled too, so the
// rate is halved at most once per window; otherwise one burst would collapse it to the floor.
export function createAdaptiveRateLimiter(options: {
  clock: Clock;
  initialQps?: number; // also the ceiling it recovers to
  minQps?: number;
  windowMs?: number;
  decrease?: number; // the factor a throttle multiplies the rate by (default 0.5, as TCP)
}): AdaptiveRateLimiter {
  const { clock } = options;
  const maxQps = options.initialQps ?? 50;
  const minQps = options.minQps ?? 0.5;
  const windowMs = options.windowMs ?? 1000;
  const decrease = options.decrease ?? 0.5;
  let qps = maxQps;
  let lastDecreaseAt = -Infinity;
  let quietSince = clock.now();

  function recover(now: number): void {
    const quietSeconds = Math.floor((now - quietSince) / 1000);
    if (quietSeconds < 1 || qps >= maxQps) return;
    qps = Math.min(maxQps, qps + quietSeconds);
    quietSince += quietSeconds * 1000;
  }

  const bucket = createRateLimiter({ qps: () => qps, clock });

  return {
    take(signal) {
      recover(clock.now());
      return bucket.take(signal);
    },
    onThrottle() {
      const now = clock.now();
      quietSince = now;
      if (now - lastDecreaseAt < windowMs) return;
      lastDecreaseAt = now;
      qps = Math.max(minQps, qps * decrease);
    },
    onSuccess() {
      recover(clock.now());
    },
    currentQps: () => qps,
  };
}
