import { describeReason } from '../core/describe-reason.js';
import type { PlanChange, PlanReport } from '../core/report.js';
import { renderPatchDiff } from './render-patch-diff.js';
import { escapeHtml, fenceCode, inlineCode, plural } from './markdown-text.js';
import type { MarkdownParts } from './fit-markdown.js';

// The plan as markdown for the job summary and the pull-request comment: a counts table, one
// collapsible section per changed task, then the orphans.

export type PlanMarkdownOptions = {
  title: string; // e.g. "dwsync plan" or "dwsync plan for `infra`"
  maxDiffLines: number; // per task, so one huge new task cannot crowd out the rest
  maxOrphans: number;
};

export function renderPlanMarkdown(report: PlanReport, options: PlanMarkdownOptions): MarkdownParts {
  const updates = report.changes.filter((c) => c.action === 'update');
  const orphans = report.changes.filter((c) => c.action === 'orphaned');
  const { update, unchanged, orphaned } = report.summary;
  const headline =
    update === 0
      ? `**No changes.** ${plural(unchanged, 'task is', 'tasks are')} up to date.`
      : `**${plural(update, 'task', 'tasks')} to update**, ${unchanged} unchanged.`;
  const head = [
    `### ${options.title}`,
    '',
    headline,
    '',
    '| update | unchanged | orphaned |',
    '|---:|---:|---:|',
    `| ${update} | ${unchanged} | ${orphaned} |`,
    '',
    '',
  ].join('\n');
  const sections = updates.map((change) => renderChange(change, options.maxDiffLines));
  const drifted = report.changes.filter((c) => c.action !== 'update' && (c.drift || c.live === 'missing'));
  sections.push(...drifted.map((change) => renderChange(change, options.maxDiffLines)));
  if (orphans.length > 0) sections.push(renderOrphans(orphans, options.maxOrphans));
  return { head, sections, tail: '' };
}

function renderChange(change: PlanChange, maxDiffLines: number): string {
  const what = change.action === 'update' ? `update (${describeReason(change.reason)})` : change.action;
  const flags = [
    change.drift ? '⚠️ drift' : '',
    change.live === 'missing' ? '⚠️ missing in DataWorks' : '',
    change.undeployed ? 'not deployed' : '',
  ].filter((f) => f !== '');
  const summary = [inlineCode(change.file), inlineCode(change.key), escapeHtml(what), ...flags].join(' · ');
  const diff = [
    ...renderPatchDiff('taskContent', change.taskContentPatch),
    ...renderPatchDiff('taskParam', change.taskParamPatch),
  ];
  const body: string[] = [];
  if (diff.length > 0) body.push(fenceCode('diff', capLines(diff, maxDiffLines).join('\n')));
  else if (change.action === 'update') body.push('No field differs from the last applied config (it is sent again).');
  if (change.drift && change.liveContentPatch && change.liveContentPatch.length > 0) {
    const live = renderPatchDiff('live.taskContent', change.liveContentPatch);
    body.push('Edited in DataWorks outside git (last applied → live):');
    body.push(fenceCode('diff', capLines(live, maxDiffLines).join('\n')));
  }
  return [`<details><summary>${summary}</summary>`, '', ...body.flatMap((b) => [b, '']), '</details>', '', ''].join(
    '\n',
  );
}

function renderOrphans(orphans: PlanChange[], max: number): string {
  const rows = orphans.slice(0, max).map((o) => `- ${inlineCode(o.key)} (was in ${inlineCode(o.file)})`);
  if (orphans.length > max) rows.push(`- … and ${orphans.length - max} more`);
  return [
    `#### ${plural(orphans.length, 'orphaned task', 'orphaned tasks')}`,
    '',
    'In the state file but in no task file. dwsync never deletes tasks in DataWorks.',
    '',
    ...rows,
    '',
    '',
  ].join('\n');
}

function capLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max), `  … ${lines.length - max} more lines`];
}
