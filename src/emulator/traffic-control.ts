import type { EmulatorState } from './emulator-state.js';
import { failure, type ApiFailure } from './responses.js';

// Flow control in the order the service applies it: the per-second ceiling, the call quota,
// then the backend's own unavailability.

export type TrafficSettings = {
  qps: number; // 0 = no ceiling
  quotaAfter: number | null;
  failRate: number; // 0..1
  random: () => number;
};

const WINDOW_MS = 1000;

export function admitCall(state: EmulatorState, settings: TrafficSettings, now: number): ApiFailure | null {
  if (settings.qps > 0) {
    while (state.admitted.length > 0 && now - (state.admitted[0] ?? now) >= WINDOW_MS) state.admitted.shift();
    if (state.admitted.length >= settings.qps) {
      return failure(400, 'Throttling.User', 'Request was denied due to user flow control.');
    }
    state.admitted.push(now);
  }
  if (settings.quotaAfter !== null && state.apiCalls >= settings.quotaAfter) {
    return failure(429, 'Throttling.Api.Risk', 'The request was denied because the daily API call quota of this edition is used up.');
  }
  state.apiCalls += 1;
  if (settings.failRate > 0 && settings.random() < settings.failRate) {
    return failure(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.');
  }
  return null;
}
