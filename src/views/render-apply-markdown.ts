import type { ApplyResult, ApplyReport } from '../core/plan/report.js';
import { escapeTableCell } from './markdown-text.js';
import { SUMMARY_LIMIT_BYTES, fitMarkdown } from './fit-markdown.js';
import type { MarkdownParts } from './fit-markdown.js';
import { renderFailureMarkdown } from './render-step-status.js';
import type { StepFailure, StepStatus } from './render-step-status.js';

// The apply report as a job summary: counts, then every task's outcome, one table row each.

const ICONS: Record<ApplyResult['outcome'], string> = {
  created: '🆕 created',
  applied: '✅ applied',
  deleted: '🗑️ deleted',
  failed: '❌ failed',
  unchanged: '➖ unchanged',
  skipped: '⏭️ skipped',
};

export function renderApplyMarkdown(report: ApplyReport, title: string): MarkdownParts {
  const { applied, failed, unchanged, skipped } = report.summary;
  const head = [
    `### ${title}`,
    '',
    failed > 0 || skipped > 0
      ? `**${failed} failed, ${skipped} skipped**; the rest were applied and recorded.`
      : `**All tasks applied.**`,
    '',
    '| created | applied | deleted | failed | unchanged | skipped |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${report.summary.created} | ${applied} | ${report.summary.deleted} | ${failed} | ${unchanged} | ${skipped} |`,
    '',
    '| outcome | task | file | attempts | detail |',
    '|---|---|---|---:|---|',
    '',
  ].join('\n');
  const sections = report.results.map((r) => renderRow(r) + '\n');
  return { head, sections, tail: '\n' };
}

function renderRow(r: ApplyResult): string {
  const cells = [ICONS[r.outcome], code(r.key), code(r.file), String(r.attempts), escapeTableCell(describe(r))];
  return `| ${cells.join(' | ')} |`;
}

function code(text: string): string {
  return `<code>${escapeTableCell(text)}</code>`;
}

function describe(r: ApplyResult): string {
  if (r.error) return `${r.error.code}: ${r.error.message}${r.error.requestId ? ` (request ${r.error.requestId})` : ''}`;
  if (r.reason) return r.reason;
  if (r.requestId) return `request ${r.requestId}`;
  return '';
}

// The job summary, whole rows dropped from the end to fit its 1 MiB.
export function renderApplySummary(report: ApplyReport, title: string): string {
  const note = (n: number) => `\n\n${n} more rows are not shown (the job summary is limited to 1 MiB); every outcome is in the apply JSON.\n`;
  return fitMarkdown(renderApplyMarkdown(report, title), SUMMARY_LIMIT_BYTES, note, 'bytes');
}

export function renderApplyFailureSummary(title: string, status: StepStatus, failure: StepFailure): string {
  return fitMarkdown(renderFailureMarkdown(title, 'Apply failed', status, failure), SUMMARY_LIMIT_BYTES, (n) => `\n… and ${n} more.\n`, 'bytes');
}
