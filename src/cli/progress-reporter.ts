import type { ApplyProgress } from '../core/plan/report.js';
import { countProgress } from '../core/plan/count-progress.js';
import type { ProgressPort } from '../ports.js';
import type { CommandDeps } from '../commands/command-options.js';
import type { CliIo } from './cli-io.js';
import { CLEAR_LINE, renderProgressLine } from '../views/progress-line.js';

// A live progress line on stderr, only for a person at a terminal: never under --json or in CI logs.
// Counts what the command reports (a failed or skipped task counts as failed) and redraws the line
// after each outcome. Returns the port to pass as deps.progress (undefined when quiet) and how to
// clear the line.
export function progressReporter(io: CliIo, deps: Pick<CommandDeps, 'clock'>, json: boolean): { progress?: ProgressPort; clear(): void } {
  if (json || !io.stderr.isTTY || io.env.CI === 'true') return { clear() {} };
  const started = deps.clock.now();
  let counts: ApplyProgress = { done: 0, total: 0, failed: 0 };
  return {
    progress: {
      // Once per workspace when each has its own state: the count starts again.
      start: (total) => void (counts = { done: 0, total, failed: 0 }),
      finish: (outcome) => {
        counts = countProgress(counts, outcome);
        io.stderr.write(renderProgressLine(counts, deps.clock.now() - started));
      },
    },
    clear: () => void io.stderr.write(CLEAR_LINE),
  };
}
