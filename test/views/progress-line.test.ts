import { describe, expect, it } from 'vitest';
import { CLEAR_LINE, formatDuration, formatProgress, renderProgressLine, renderProgressLogLine } from '../../src/views/progress-line.js';

describe('renderProgressLine', () => {
  it('clears the terminal line, then draws done/total, rate, ETA and failures', () => {
    expect(renderProgressLine({ done: 120, total: 300, failed: 2 }, 24_000)).toBe('\r\u001b[2K[120/300] 5.0/s  ETA 36s  2 failed');
    expect(CLEAR_LINE).toBe('\r\u001b[2K');
  });

  it('pads done to the width of total, and says "?" before any rate is known', () => {
    expect(formatProgress({ done: 0, total: 300, failed: 0 }, 0)).toBe('[  0/300] 0.0/s  ETA ?');
  });

  it('writes durations in s, m and h', () => {
    expect([formatDuration(59_400), formatDuration(61_000), formatDuration(3_720_000)]).toEqual(['59s', '1m01s', '1h02m']);
  });
});

describe('renderProgressLogLine', () => {
  it('is one plain named line, without the escapes that redraw a terminal line', () => {
    expect(renderProgressLogLine({ done: 30, total: 300, failed: 1 }, 10_000)).toBe('dwsync: [ 30/300] 3.0/s  ETA 1m30s  1 failed');
  });
});
