import type { Clock } from '../core/clock.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';

export type AdaptiveRateLimiter = Required<RateLimiter> & { currentQps(): number };

// A throttle cuts the rate by 30%, not TCP's half: against an emulator limited to 10 QPS (300 tasks,
// --qps 0) that settles at 8.4 calls/s with 23 throttled answers, against 7.5/s and 24 when halving.
export const THROTTLE_DECREASE = 0.7;

// Start fast and let the service say how fast is too fast (AIMD, as TCP does). A throttling answer
// cuts the rate by THROTTLE_DECREASE; each quiet second adds 1 qps back.
// Calls already in flight when the first throttle arrives often come back throttled too, so the
// rate is cut at most once per window; otherwise one burst would collapse it to the floor.
export function createAdaptiveRateLimiter(options: {
  clock: Clock;
  initialQps?: number; // also the ceiling it recovers to
  minQps?: number;
  windowMs?: number;
}): AdaptiveRateLimiter {
  const { clock } = options;
  const maxQps = options.initialQps ?? 50;
  const minQps = options.minQps ?? 0.5;
  const windowMs = options.windowMs ?? 1000;
  const decrease = THROTTLE_DECREASE;
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
