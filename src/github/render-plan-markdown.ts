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
  const updates = report.changes.filter((c) => c.action === 'update' || c.action === 'create');
  const orphans = report.changes.filter((c) => c.action === 'orphaned');
  const deletions = report.changes.filter((c) => c.action === 'delete');
  const { create, update, unchanged, orphaned } = report.summary;
  const lifecycle = `${create > 0 ? `, ${create} to create` : ''}${deletions.length > 0 ? `, **${deletions.length} to delete**` : ''}`;
  const headline =
    update + create + deletions.length === 0
      ? `**No changes.** ${plural(unchanged, 'task is', 'tasks are')} up to date.`
      : `**${plural(update, 'task', 'tasks')} to update**${lifecycle}, ${unchanged} unchanged.`;
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
  if (deletions.length > 0) sections.push(renderOrphans(deletions, options.maxOrphans, 'to delete (--prune)', 'No task file declares them any more, and dwsync created or applied them: apply deletes them in DataWorks.'));
  if (orphans.length > 0) sections.push(renderOrphans(orphans, options.maxOrphans));
  return { head, sections, tail: '' };
}

function renderChange(change: PlanChange, maxDiffLines: number): string {
  const what = change.action === 'update' ? `update (${change.reason ?? 'changed'})` : change.action;
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

function renderOrphans(orphans: PlanChange[], max: number, what = '', note = 'In the state file but in no task file. Left as they are in DataWorks unless apply runs with prune.'): string {
  const rows = orphans.slice(0, max).map((o) => `- ${inlineCode(o.key)} (was in ${inlineCode(o.file)})`);
  if (orphans.length > max) rows.push(`- … and ${orphans.length - max} more`);
  return [
    `#### ${what ? `${plural(orphans.length, 'task', 'tasks')} ${what}` : plural(orphans.length, 'orphaned task', 'orphaned tasks')}`,
    '',
    note,
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
