import type { Clock, RateLimiter } from '../ports.js';

type Waiter = { resolve: () => void; reject: (reason: unknown) => void; signal: AbortSignal | undefined; onAbort: () => void };

// A token bucket written as GCRA (a "theoretical arrival time"), which keeps exact spacing with
// fractional intervals: with burst 1, N takes span (N-1)/qps seconds, never more than qps in any
// second. Waiters are served strictly first come, first served, so no caller starves.
// qps may be a function so the adaptive limiter can change the rate between takes; 0 = no ceiling.
export function createRateLimiter(options: {
  qps: number | (() => number);
  burst?: number;
  clock: Clock;
}): RateLimiter {
  const { clock } = options;
  const burst = Math.max(1, Math.floor(options.burst ?? 1));
  const readQps = typeof options.qps === 'function' ? options.qps : () => options.qps as number;
  const queue: Waiter[] = [];
  let theoreticalArrival = -Infinity;
  let pumping = false;

  // How long until one more call may start; 0 means now.
  function waitMs(now: number): number {
    const qps = readQps();
    if (!(qps > 0)) return 0;
    const interval = 1000 / qps;
    return Math.max(0, theoreticalArrival - (burst - 1) * interval - now);
  }

  function grant(now: number): void {
    const qps = readQps();
    const interval = qps > 0 ? 1000 / qps : 0;
    // A waiter woken a little late (timers fire on whole milliseconds) keeps its slot, so the
    // lateness does not add up into a rate below qps.
    const slot = now - theoreticalArrival <= 1 ? theoreticalArrival : now;
    theoreticalArrival = slot + interval;
  }

  async function pump(): Promise<void> {
    pumping = true;
    try {
      while (queue.length > 0) {
        const wait = waitMs(clock.now());
        if (wait > 0) {
          await clock.sleep(wait);
          continue;
        }
        const waiter = queue.shift()!;
        waiter.signal?.removeEventListener('abort', waiter.onAbort);
        grant(clock.now());
        waiter.resolve();
      }
    } catch (err) {
      // A clock that fails leaves nobody waiting forever.
      for (const waiter of queue.splice(0)) waiter.reject(err);
    } finally {
      pumping = false;
    }
  }

  return {
    take(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const now = clock.now();
      if (queue.length === 0 && waitMs(now) === 0) {
        grant(now);
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          signal,
          onAbort: () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            reject(signal?.reason);
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        queue.push(waiter);
        if (!pumping) void pump();
      });
    },
  };
}
