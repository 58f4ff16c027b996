// Time and waiting are passed in, so tests can drive retries and rate limits without real waits.
export type Clock = {
  now(): number; // milliseconds since the epoch
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};
