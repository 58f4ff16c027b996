import { countProgress } from '../core/plan/count-progress.js';
import type { ApplyProgress } from '../core/plan/report.js';
import type { Clock, ProgressPort } from '../ports.js';
import { renderProgressLogLine } from '../views/progress-line.js';

// Progress in the Action's log, where no line can be redrawn: one line each time another tenth of
// the work is done (and at the end), so a long apply shows it is moving without flooding the log.
export function logProgress(write: (line: string) => void, clock: Pick<Clock, 'now'>): ProgressPort {
  const started = clock.now();
  let counts: ApplyProgress = { done: 0, total: 0, failed: 0 };
  let shownTenths = 0;
  return {
    start: (total) => {
      counts = { done: 0, total, failed: 0 };
      shownTenths = 0;
    },
    finish: (outcome) => {
      counts = countProgress(counts, outcome);
      const tenths = counts.total === 0 ? 10 : Math.floor((counts.done * 10) / counts.total);
      if (tenths <= shownTenths) return;
      shownTenths = tenths;
      write(renderProgressLogLine(counts, clock.now() - started));
    },
  };
}
