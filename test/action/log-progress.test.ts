import { describe, expect, it } from 'vitest';

import { logProgress } from '../../src/action/log-progress.js';
import { createFakeClock } from '../support/fake-clock.js';

describe('logProgress', () => {
  it('writes one line per tenth of the work done, and the last, counting failed and skipped tasks as failed', async () => {
    const clock = createFakeClock();
    const lines: string[] = [];
    const progress = logProgress((line) => lines.push(line), clock);
    progress.start(25);
    for (let i = 0; i < 25; i++) {
      await clock.advance(1000);
      progress.finish(i === 3 ? 'failed' : i === 4 ? 'skipped' : 'applied');
    }
    // 25 tasks: a tenth is 2.5 tasks, so lines after tasks 3, 5, 8, 10, 13, 15, 18, 20, 23 and 25.
    expect(lines.map((line) => /\[\s*(\d+)\/25\]/.exec(line)?.[1])).toEqual(['3', '5', '8', '10', '13', '15', '18', '20', '23', '25']);
    expect(lines[0]).toBe('dwsync: [ 3/25] 1.0/s  ETA 22s');
    expect(lines.at(-1)).toBe('dwsync: [25/25] 1.0/s  ETA 0s  2 failed');
  });

  it('starts counting again for each workspace, and shows every task of a small run', () => {
    const lines: string[] = [];
    const progress = logProgress((line) => lines.push(line), createFakeClock());
    progress.start(2);
    progress.finish('applied');
    progress.finish('applied');
    progress.start(1);
    progress.finish('created');
    expect(lines.map((line) => /\[\s*(\d+\/\d+)\]/.exec(line)?.[1])).toEqual(['1/2', '2/2', '1/1']);
  });
});
