import { describe, expect, it } from 'vitest';

import { countProgress } from '../../../src/core/plan/count-progress.js';

describe('countProgress', () => {
  it('counts one more task done, and a failed or skipped one as failed too', () => {
    const start = { done: 0, total: 3, failed: 0 };
    expect(countProgress(start, 'applied')).toEqual({ done: 1, total: 3, failed: 0 });
    expect(countProgress(start, 'failed')).toEqual({ done: 1, total: 3, failed: 1 });
    expect(countProgress(start, 'skipped')).toEqual({ done: 1, total: 3, failed: 1 });
    expect(countProgress(start, 'unchanged')).toEqual({ done: 1, total: 3, failed: 0 });
    expect(start).toEqual({ done: 0, total: 3, failed: 0 });
  });
});
