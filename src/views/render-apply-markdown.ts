import type { ApplyResult, ApplyReport } from '../core/plan/report.js';
import { escapeHtml, escapeTableCell, inlineCode, plural } from './markdown-text.js';
import { COMMENT_LIMIT, SUMMARY_LIMIT_BYTES, fitMarkdown } from './fit-markdown.js';
import type { MarkdownParts } from './fit-markdown.js';
import { formatStatusLine, renderFailureMarkdown } from './render-step-status.js';
import type { StepFailure, StepStatus } from './render-step-status.js';

// An apply in markdown: the job summary (every task's outcome, one table row each), the comment on
// the merged pull request, their failed forms, and the post step's summary.

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

// What an apply did, for the pull request that was merged: the counts, every failure and skip with
// its code, and the run. Unchanged tasks are only counted. Whole problems are dropped from the end to
// fit GitHub's limit, with room left for the marker line.
export function renderApplyComment(report: ApplyReport, title: string, status: StepStatus, cancelled: boolean): string {
  const { applied, failed, unchanged, skipped } = report.summary;
  const verdict = cancelled ? ['⏹️', 'Apply cancelled'] : failed + skipped > 0 ? ['⚠️', 'Applied with failures'] : ['✅', 'Applied'];
  const head = [
    `### ${title}`,
    '',
    formatStatusLine(verdict[0]!, verdict[1]!, status),
    '',
    '| created | applied | deleted | failed | skipped | unchanged |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${report.summary.created} | ${applied} | ${report.summary.deleted} | ${failed} | ${skipped} | ${unchanged} |`,
    '',
    '',
  ].join('\n');
  const problems = report.results.filter((r) => r.outcome === 'failed' || r.outcome === 'skipped');
  const sections = problems.map((r, i) => {
    const intro = i === 0 ? `${plural(problems.length, 'task was', 'tasks were')} not applied:\n\n` : '';
    const why = r.error ? `${inlineCode(r.error.code)} ${escapeHtml(r.error.message)}` : `skipped: ${escapeHtml(r.reason ?? 'not attempted')}`;
    return `${intro}- ${inlineCode(r.key)} (${inlineCode(r.file)}): ${why}\n`;
  });
  return fitMarkdown({ head, sections, tail: '' }, COMMENT_LIMIT - 200, (n) => `\n… and ${n} more (see the run).\n`);
}

export function renderApplyFailureComment(title: string, status: StepStatus, failure: StepFailure): string {
  return fitMarkdown(renderFailureMarkdown(title, 'Apply failed', status, failure), COMMENT_LIMIT - 200, (n) => `\n… and ${n} more (see the job summary).\n`);
}

// The title of the post step's job summary, whether it pushed the state or kept it.
export const APPLY_POST_TITLE = '### dwsync apply: post step\n\n';

// The post step's job summary when it pushed the state of a cancelled apply (render-kept-state.ts
// says where a state that could not be pushed went).
export function renderApplyPostMarkdown(result: { sha: string | null }, branch: string): string {
  return `${APPLY_POST_TITLE}${result.sha ? `State committed as \`${result.sha}\` and pushed to ${branch}.` : 'The state was already on the branch.'}\n`;
}
