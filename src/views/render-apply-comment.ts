import type { ApplyReport } from '../core/plan/report.js';
import type { MarkdownParts } from './fit-markdown.js';
import { escapeHtml, inlineCode, plural } from './markdown-text.js';
import { formatStatusLine } from './render-step-status.js';
import type { StepStatus } from './render-step-status.js';

// What an apply did, for the pull request that was merged: the counts, every failure and skip with
// its code, and the run. Unchanged tasks are only counted.
export function renderApplyComment(report: ApplyReport, title: string, status: StepStatus, cancelled: boolean): MarkdownParts {
  const { applied, failed, unchanged, skipped } = report.summary;
  const verdict = cancelled ? ['⏹️', 'Apply cancelled'] : failed + skipped > 0 ? ['⚠️', 'Applied with failures'] : ['✅', 'Applied'];
  const head = [
    `### ${title}`,
    '',
    formatStatusLine(verdict[0]!, verdict[1]!, status),
    '',
    '| applied | failed | skipped | unchanged |',
    '|---:|---:|---:|---:|',
    `| ${applied} | ${failed} | ${skipped} | ${unchanged} |`,
    '',
    '',
  ].join('\n');
  const problems = report.results.filter((r) => r.outcome === 'failed' || r.outcome === 'skipped');
  const sections = problems.map((r, i) => {
    const intro = i === 0 ? `${plural(problems.length, 'task was', 'tasks were')} not applied:\n\n` : '';
    const why = r.error ? `${inlineCode(r.error.code)} ${escapeHtml(r.error.message)}` : `skipped: ${escapeHtml(r.reason ?? 'not attempted')}`;
    return `${intro}- ${inlineCode(r.key)} (${inlineCode(r.file)}): ${why}\n`;
  });
  return { head, sections, tail: '' };
}

export function renderApplyFailureReason(message: string): string {
  return `**Reason:** ${escapeHtml(message)}\n\nNothing more was applied by this run; what it did apply is recorded in the state.`;
}
