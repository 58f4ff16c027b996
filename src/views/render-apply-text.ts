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
  if (result.outcome === 'created' || result.outcome === 'deleted') return `(file ${result.fileId ?? '?'}, ${attempts}${request})`;
  if (result.outcome === 'applied') return `(${result.fileId ? `file ${result.fileId}, ` : ''}${attempts}${request})`;
  if (result.outcome === 'skipped') return `(${result.reason ?? 'not attempted'})`;
  return `${result.error?.code ?? 'Error'}: ${result.error?.message ?? ''} (${attempts}${request})`;
}
