import type { ApplyReport } from '../core/plan/report.js';
import { COMMENT_LIMIT, fitMarkdown } from './fit-markdown.js';
import { escapeHtml, inlineCode, plural } from './markdown-text.js';
import { formatStatusLine, renderFailureMarkdown } from './render-step-status.js';
import type { StepFailure, StepStatus } from './render-step-status.js';

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
  return fitMarkdown({ head, sections, tail: '' }, COMMENT_LIMIT - 200, (n) => `\n… and ${n} more (see the run).\n`);
}

export function renderApplyFailureComment(title: string, status: StepStatus, failure: StepFailure): string {
  return fitMarkdown(renderFailureMarkdown(title, 'Apply failed', status, failure), COMMENT_LIMIT - 200, (n) => `\n… and ${n} more (see the job summary).\n`);
}
