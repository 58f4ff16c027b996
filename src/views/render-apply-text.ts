import type { ApplyReport, ApplyResult } from '../core/plan/report.js';
import { paint } from './paint.js';

// The outcome of an apply for a terminal: one line per task that was attempted or skipped, then totals.
export function renderApplyText(report: ApplyReport, options: { color: boolean }): string {
  const p = paint(options.color);
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.outcome === 'unchanged') continue;
    const label = {
      created: p.green('created'),
      applied: p.green('applied'),
      deleted: p.red('deleted'),
      failed: p.red('failed '),
      skipped: p.yellow('skipped'),
      unchanged: '',
    }[result.outcome];
    lines.push(`${label}  ${result.key}  ${result.file}  ${describe(result)}`);
  }
  const { created, applied, deleted, failed, unchanged, skipped } = report.summary;
  const lifecycle = `${created > 0 ? `${created} created, ` : ''}${deleted > 0 ? `${deleted} deleted, ` : ''}`;
  lines.push(p.bold(`Apply: ${lifecycle}${applied} applied, ${failed} failed, ${unchanged} unchanged, ${skipped} skipped.`));
  return `${lines.join('\n')}\n`;
}

function describe(result: ApplyResult): string {
  const attempts = `${result.attempts} attempt${result.attempts === 1 ? '' : 's'}`;
  const request = result.requestId ? `, request ${result.requestId}` : '';
  const target = result.nodeId !== undefined ? `node ${result.nodeId}` : result.fileId ? `file ${result.fileId}` : null;
  if (result.outcome === 'created' || result.outcome === 'deleted') return `(${target ?? 'file ?'}, ${attempts}${request})`;
  if (result.outcome === 'applied') return `(${target ? `${target}, ` : ''}${attempts}${request})`;
  if (result.outcome === 'skipped') return `(${result.reason ?? 'not attempted'})`;
  return `${result.error?.code ?? 'Error'}: ${result.error?.message ?? ''} (${attempts}${request})`;
}

// "1 created, 7 applied, 1 failed, 0 unchanged, 0 skipped": the Action's apply-summary output.
export function describeApplyCounts(report: ApplyReport): string {
  const { created, applied, deleted, failed, unchanged, skipped } = report.summary;
  return `${created ? `${created} created, ` : ''}${deleted ? `${deleted} deleted, ` : ''}${applied} applied, ${failed} failed, ${unchanged} unchanged, ${skipped} skipped`;
}

// The apply step's line in the Action's log (also its failure message when tasks failed), and its
// failure message when the run was cancelled.
export function renderApplyStepText(report: ApplyReport): { line: string; cancelled: string } {
  const counts = describeApplyCounts(report);
  return { line: `dwsync apply: ${counts}`, cancelled: `dwsync apply was cancelled: ${counts}; the post step commits the state` };
}
