import type { Clock, RateLimiter } from '../ports.js';
import { createAdaptiveRateLimiter } from './adaptive-rate-limiter.js';

// Calls spaced exactly 1/qps apart still land 21 in some one-second window of the service when a
// timer fires a few ms late (measured: 2 throttles a run at 20 qps); 3% below the ceiling, none.
const CEILING_HEADROOM = 0.97;

// A configured ceiling is where the rate starts, and throttling still lowers it: the edition's real
// limit may be below the one in dwsync.yaml. With no ceiling (qps 0) nothing holds calls back until
// the service first throttles; from then on, the rate the service admits (adaptive-rate-limiter.ts).
export function createLimiter(qps: number, clock: Clock): RateLimiter {
  return createAdaptiveRateLimiter({ clock, initialQps: qps > 0 ? qps * CEILING_HEADROOM : 0 });
}
