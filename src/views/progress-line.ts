import type { ApplyProgress } from '../core/plan/report.js';

// The progress line of apply and import on a terminal's stderr, drawn over the previous one:
// "[ 120/300] 4.9/s  ETA 37s  2 failed".
export const CLEAR_LINE = '\r\u001b[2K';

export function renderProgressLine(progress: ApplyProgress, elapsedMs: number): string {
  return `${CLEAR_LINE}${formatProgress(progress, elapsedMs)}`;
}

// The same for a log that cannot redraw a line (the Action's): one plain line, named.
export function renderProgressLogLine(progress: ApplyProgress, elapsedMs: number): string {
  return `dwsync: ${formatProgress(progress, elapsedMs)}`;
}

export function formatProgress(progress: ApplyProgress, elapsedMs: number): string {
  const width = String(progress.total).length;
  const rate = elapsedMs > 0 ? (progress.done * 1000) / elapsedMs : 0;
  const remaining = progress.total - progress.done;
  const eta = rate > 0 ? formatDuration((remaining / rate) * 1000) : '?';
  const failed = progress.failed > 0 ? `  ${progress.failed} failed` : '';
  return `[${String(progress.done).padStart(width)}/${progress.total}] ${rate.toFixed(1)}/s  ETA ${eta}${failed}`;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
