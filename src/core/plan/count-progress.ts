import type { ApplyProgress } from './report.js';

// One more task done: a failed or skipped one also counts as failed (the progress line shows those).
export function countProgress(progress: ApplyProgress, outcome: string): ApplyProgress {
  return { ...progress, done: progress.done + 1, failed: progress.failed + (outcome === 'failed' || outcome === 'skipped' ? 1 : 0) };
}
