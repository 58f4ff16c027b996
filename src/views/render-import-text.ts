import { paint } from './paint.js';
import type { ImportReport, ImportResult } from '../core/import/import-report.js';

// The outcome of an import for a terminal: one line per task, the check, then totals. Pure.
export function renderImportText(report: ImportReport, options: { color: boolean }): string {
  const p = paint(options.color);
  const lines: string[] = [];
  for (const result of report.results) {
    const label = { written: p.green('written'), exists: p.yellow('exists '), failed: p.red('failed ') }[result.outcome];
    lines.push(`${label}  ${result.key}  ${result.file ?? '-'}${describe(result)}`);
    for (const warning of result.warnings ?? []) lines.push(`         ${p.yellow('warning:')} ${warning}`);
  }
  const { check } = report;
  for (const problem of check.problems) lines.push(problem);
  for (const m of check.mismatches) {
    const what = m.action === 'missing' ? 'not found by the plan' : `plans as ${m.action}${m.reason ? ` (${m.reason})` : ''}`;
    lines.push(p.red(`check: ${m.key}  ${m.file || '-'}  ${what}, expected unchanged`));
  }
  if (check.checked > 0) {
    lines.push(check.ok ? `Check: a plan shows all ${check.checked} written task(s) unchanged.` : p.red(`Check failed: ${check.unchanged} of ${check.checked} written task(s) plan unchanged.`));
  }
  const { written, exists, failed } = report.summary;
  lines.push(p.bold(`Import: ${written} written, ${exists} already there (not overwritten), ${failed} failed.`));
  if (exists > 0) lines.push(p.dim('Files that exist are never overwritten; pass --overwrite to replace them with the live tasks.'));
  return `${lines.join('\n')}\n`;
}

function describe(result: ImportResult): string {
  if (result.outcome === 'failed') return `  ${result.error?.code ?? 'Error'}: ${result.error?.message ?? ''}`;
  return '';
}
