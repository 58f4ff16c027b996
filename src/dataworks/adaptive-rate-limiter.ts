import type { Clock, RateLimiter, ThrottleHint } from '../ports.js';
import { createRateLimiter } from './rate-limiter.js';

export type AdaptiveRateLimiter = Required<RateLimiter> & { currentQps(): number; learnedLimit(): number | null };

// Keeps calls within the service's limit, learned from what the service admits. The service counts
// calls per sliding second; when it throttles, that second was full, so the most calls it admitted in
// any one second around then is its limit. On a throttle the limiter holds every new call until the
// answers still in flight are back (GRACE_MS) and the full second has passed, counts (by when the
// answers came, which follow the service's clock by about one latency), and from then on starts at
// most that many calls in any window of a second and 3 % (HEADROOM), evenly spaced. That uses 97 % of the limit with
// no probing past it: a sawtooth (AIMD) pays a throttled answer and a cut in rate for every probe,
// and averages well below the limit.
//
// `initialQps` is a ceiling the rate never exceeds (dwsync.yaml's qps); without it, nothing is held
// back until the first throttle. A throttle with no admitted call to count (another client used the
// second up) only holds calls for a window. A Retry-After in the answer holds every call until then.
// Each later throttle counts again, so a limit that drops is followed; one that rises is not looked
// for, as that would cost throttled answers every time the limit has not moved.
const HEADROOM = 0.97;
const GRACE_MS = 200;

export function createAdaptiveRateLimiter(options: {
  clock: Clock;
  initialQps?: number; // a ceiling; 0 or absent: none
  windowMs?: number; // the service's counting window
}): AdaptiveRateLimiter {
  const { clock } = options;
  const ceiling = options.initialQps && options.initialQps > 0 ? options.initialQps : 0;
  const windowMs = options.windowMs ?? 1000;
  const spanMs = windowMs / HEADROOM; // our window: a little longer than the service's
  let limit: number | null = null; // calls per spanMs, once learned
  let holdUntil = -Infinity;
  let paceAt = -Infinity; // evenly spaced starts, a call late by up to one interval keeping its place
  let learning: { from: number; until: number } | null = null; // the answers being counted
  const answers = createTimes(); // admitted calls, by answer time
  const starts = createTimes(); // calls started, for the window
  const bucket = createRateLimiter({ qps: ceiling, clock });

  function learn(now: number): void {
    if (learning === null || now < learning.until) return;
    const seen = answers.mostInWindow(learning.from, learning.until, windowMs);
    if (seen > 0) limit = seen;
    learning = null;
  }

  return {
    async take(signal) {
      await bucket.take(signal);
      for (;;) {
        const now = clock.now();
        if (holdUntil > now) {
          await clock.sleep(holdUntil - now, signal);
          continue;
        }
        learn(now);
        starts.forget(now - spanMs);
        const wait = limit === null ? 0 : Math.max(paceAt - spanMs / limit - now, starts.count() >= limit ? starts.oldest()! + spanMs - now : 0);
        if (wait > 0) {
          await clock.sleep(Math.max(1, wait), signal);
          continue;
        }
        // In the same turn as the check, so two callers cannot both take the last place.
        starts.mark(now);
        if (limit !== null) paceAt = Math.max(paceAt, now) + spanMs / limit;
        return;
      }
    },
    onThrottle(hint?: ThrottleHint) {
      const now = clock.now();
      const retryAfter = hint?.retryAfterMs ?? 0;
      if (retryAfter > 0) holdUntil = Math.max(holdUntil, now + retryAfter);
      // Calls in flight when the first throttle came back are often throttled too: one lesson for all.
      if (learning !== null) return;
      answers.forget(now - 2 * (windowMs + GRACE_MS));
      learning = { from: now - windowMs - GRACE_MS, until: now + GRACE_MS };
      const oldest = answers.oldestAfter(now - windowMs) ?? now;
      holdUntil = Math.max(holdUntil, learning.until, oldest + windowMs);
    },
    onSuccess() {
      const now = clock.now();
      answers.mark(now);
      answers.forget(now - 2 * (windowMs + GRACE_MS));
      learn(now);
    },
    currentQps: () => {
      const learned = limit === null ? Infinity : (limit * 1000) / spanMs;
      const rate = Math.min(learned, ceiling || Infinity);
      return rate === Infinity ? 0 : rate;
    },
    learnedLimit: () => limit,
  };
}

// Event times, oldest first.
function createTimes() {
  const times: number[] = [];
  let head = 0;
  return {
    mark(time: number) {
      times.push(time);
    },
    forget(before: number) {
      while (head < times.length && times[head]! <= before) head += 1;
      if (head > 1024) {
        times.splice(0, head);
        head = 0;
      }
    },
    count: () => times.length - head,
    oldest: () => times[head],
    oldestAfter: (after: number) => times.slice(head).find((t) => t > after),
    // The most events in any window of `windowMs` between `from` and `until`.
    mostInWindow(from: number, until: number, windowMs: number): number {
      const seen = times.slice(head).filter((t) => t > from && t <= until);
      let most = 0;
      for (let first = 0, last = 0; last < seen.length; last++) {
        while (seen[last]! - seen[first]! >= windowMs) first++;
        most = Math.max(most, last - first + 1);
      }
      return most;
    },
  };
}
