import type { Clock } from '../core/clock.js';
import { createAdaptiveRateLimiter } from '../dataworks/adaptive-rate-limiter.js';
import type { RateLimiter } from '../dataworks/rate-limiter.js';

// With no ceiling (qps 0) the adaptive limiter starts fast and learns the service's limit from its
// throttling answers. A configured ceiling is also where it starts, and throttling still lowers the
// rate below it: the edition's real limit may be lower than the one written in dwsync.yaml.
const UNBOUNDED_START_QPS = 50;

export function createLimiter(qps: number, clock: Clock): RateLimiter {
  return createAdaptiveRateLimiter({ clock, initialQps: qps > 0 ? qps : UNBOUNDED_START_QPS });
}
