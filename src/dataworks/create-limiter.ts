import type { Clock } from '../core/clock.js';
import { createAdaptiveRateLimiter } from '../dataworks/adaptive-rate-limiter.js';
import type { AdaptiveRateLimiter } from '../dataworks/adaptive-rate-limiter.js';
import type { RateLimiter } from '../dataworks/rate-limiter.js';

// Calls spaced exactly 1/qps apart still land 21 in some one-second window of the service when a
// timer fires a few ms late (measured: 2 throttles a run at 20 qps); 3% below the ceiling, none.
const CEILING_HEADROOM = 0.97;

// A configured ceiling is where the rate starts, and throttling still lowers it: the edition's real
// limit may be below the one in dwsync.yaml. With no ceiling (qps 0) nothing holds calls back until
// the service first throttles; from then on the rate adapts, starting from the rate that drew it.
export function createLimiter(qps: number, clock: Clock): RateLimiter {
  if (qps > 0) return createAdaptiveRateLimiter({ clock, initialQps: qps * CEILING_HEADROOM });
  let adaptive: AdaptiveRateLimiter | null = null;
  const window = createRateWindow(clock);
  return {
    take(signal) {
      if (adaptive) return adaptive.take(signal);
      window.mark();
      return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    },
    onThrottle() {
      adaptive ??= createAdaptiveRateLimiter({ clock, initialQps: Math.max(1, window.perSecond()) });
      adaptive.onThrottle();
    },
    onSuccess() {
      adaptive?.onSuccess();
    },
  };
}

// Calls started in the last second, counted in a ring of timestamps.
function createRateWindow(clock: Clock): { mark(): void; perSecond(): number } {
  const times: number[] = [];
  let head = 0;
  const drop = (now: number) => {
    while (head < times.length && times[head]! <= now - 1000) head += 1;
    if (head > 1024) {
      times.splice(0, head);
      head = 0;
    }
  };
  return {
    mark() {
      const now = clock.now();
      times.push(now);
      drop(now);
    },
    perSecond() {
      drop(clock.now());
      return times.length - head;
    },
  };
}
