export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// The rate of a list of answered calls: the push phase runs from the first call's start (its answer
// time minus the latency every call waits) to the last answer.
export function callRate(calls, latencyMs) {
  if (calls.length === 0) return 0;
  const times = calls.map((c) => c.time);
  const span = Math.max(...times) - Math.min(...times) + latencyMs;
  return span > 0 ? (calls.length * 1000) / span : Infinity;
}

export const mb = (bytes) => bytes / (1024 * 1024);

// The rate of calls spaced by a limiter: intervals between the first and the last answer.
export function spacedRate(calls) {
  if (calls.length < 2) return 0;
  const times = calls.map((c) => c.time);
  return ((calls.length - 1) * 1000) / (Math.max(...times) - Math.min(...times));
}
