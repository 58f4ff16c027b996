import { describeReason } from './describe-reason.js';
import type { PlanView, PlanViewEntry } from './plan-view.js';
import { describeApi } from './plan-view.js';
import { renderFieldDiff } from './render-field-diff.js';
import { escapeHtml, fenceCode, inlineCode, plural } from './markdown-text.js';
import { COMMENT_LIMIT, SUMMARY_LIMIT_BYTES, fitMarkdown } from './fit-markdown.js';
import type { MarkdownParts } from './fit-markdown.js';
import { renderFailureMarkdown, shortSha } from './render-step-status.js';
import type { StepFailure, StepStatus } from './render-step-status.js';

// The plan view as markdown for the job summary and the pull-request comment: a counts table, one
// collapsible section per task that needs attention (old → new values), then the orphans.

export type PlanMarkdownOptions = {
  title: string; // e.g. "dwsync plan" or "dwsync plan for `infra`"
  status?: string; // a line under the title: what was planned, where, with which digest
  maxDiffLines: number; // per task, so one huge new task cannot crowd out the rest
  maxOrphans: number;
};

export function renderPlanMarkdown(view: PlanView, options: PlanMarkdownOptions): MarkdownParts {
  const { create, update, unchanged, orphaned } = view.counts;
  const deletions = view.entries.filter((e) => e.action === 'delete');
  const lifecycle = `${create > 0 ? `, ${create} to create` : ''}${deletions.length > 0 ? `, **${deletions.length} to delete**` : ''}`;
  const headline =
    update + create + deletions.length === 0
      ? `**No changes.** ${plural(unchanged, 'task is', 'tasks are')} up to date.`
      : `**${plural(update, 'task', 'tasks')} to update**${lifecycle}, ${unchanged} unchanged.`;
  const head = [
    `### ${options.title}`,
    '',
    ...(options.status ? [options.status, ''] : []),
    headline,
    '',
    '| create | update | delete | unchanged | orphaned |',
    '|---:|---:|---:|---:|---:|',
    `| ${create} | ${update} | ${deletions.length} | ${unchanged} | ${orphaned} |`,
    '',
    '',
  ].join('\n');
  const shown = view.entries.filter((e) => e.action !== 'orphaned' && e.action !== 'delete');
  const sections = [...shown.filter((e) => e.action === 'update'), ...shown.filter((e) => e.action !== 'update')].map((entry) =>
    renderEntry(entry, options.maxDiffLines),
  );
  const orphans = view.entries.filter((e) => e.action === 'orphaned');
  const deleteNote = 'No task file declares them any more, and dwsync created or applied them: apply with prune deletes them in DataWorks.';
  if (deletions.length > 0) sections.push(renderOrphans(deletions, options.maxOrphans, 'to delete (prune)', deleteNote));
  if (orphans.length > 0) sections.push(renderOrphans(orphans, options.maxOrphans));
  return { head, sections, tail: '' };
}

function renderEntry(entry: PlanViewEntry, maxDiffLines: number): string {
  const what = entry.action === 'update' ? `update (${describeReason(entry.reason ?? undefined)})` : entry.action;
  const flags = [entry.drift ? '⚠️ drift' : '', entry.missing ? '⚠️ missing in DataWorks' : '', entry.undeployed ? 'not deployed' : '', describeApi(entry) ?? ''].filter(
    (f) => f !== '',
  );
  const summary = [inlineCode(entry.file), inlineCode(entry.key), escapeHtml(what), ...flags].join(' · ');
  const body: string[] = [];
  const desired = entry.sections.filter((s) => !s.title.startsWith('live')).flatMap(renderFieldDiff);
  if (entry.newTask !== null) body.push(escapeHtml(entry.newTask));
  if (desired.length > 0) body.push(fenceCode('diff', capLines(desired, maxDiffLines).join('\n')));
  else if (entry.action === 'update') body.push('No field differs from the last applied config (it is sent again).');
  const live = entry.sections.filter((s) => s.title.startsWith('live')).flatMap(renderFieldDiff);
  if (entry.drift && live.length > 0) {
    body.push('Edited in DataWorks outside git (last applied → live):');
    body.push(fenceCode('diff', capLines(live, maxDiffLines).join('\n')));
  }
  return [`<details><summary>${summary}</summary>`, '', ...body.flatMap((b) => [b, '']), '</details>', '', ''].join('\n');
}

function renderOrphans(
  orphans: PlanViewEntry[],
  max: number,
  what = '',
  note = 'In the state file but in no task file. Left as they are in DataWorks unless apply runs with prune.',
): string {
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

// The pull-request comment: per task at most 60 diff lines, 50 orphans, and whole sections dropped
// from the end to fit GitHub's limit, with room left for the marker line GitHub counts as part of it.
export function renderPlanComment(view: PlanView, options: { title: string; status: string; runUrl: string | null }): string {
  const pointer = options.runUrl ? `the [job summary](${options.runUrl})` : 'the job summary';
  const parts = renderPlanMarkdown(view, { title: options.title, status: options.status, maxDiffLines: 60, maxOrphans: 50 });
  const note = (n: number) => `\n> [!NOTE]\n> ${n} more sections are not shown: a comment is limited to 65,536 characters. See ${pointer} for the full plan.\n\n`;
  return fitMarkdown(parts, COMMENT_LIMIT - 200, note);
}

// The job summary: room for far more of the plan, and the note of a comment left to a newer run.
export function renderPlanSummary(view: PlanView, options: { title: string; status: string; outdated: string | null }): string {
  const parts = renderPlanMarkdown(view, { title: options.title, status: options.status, maxDiffLines: 400, maxOrphans: 500 });
  if (options.outdated) parts.head += `${options.outdated}\n\n`;
  const note = (n: number) => `\n> [!NOTE]\n> ${n} more sections are not shown here (the job summary is limited to 1 MiB); the full plan is in the plan JSON.\n\n`;
  return fitMarkdown(parts, SUMMARY_LIMIT_BYTES, note, 'bytes');
}

// Said instead of a comment when the planned commit is no longer the pull request's head: in the
// job summary (markdown) and as a warning in the log (text).
export function renderOutdatedNote(planned: string, head: string, pullRequest: number): { markdown: string; text: string } {
  const markdown = `⏭️ **Outdated:** commit ${shortSha(planned)} is no longer the head of #${pullRequest} (now ${shortSha(head)}); this run left the pull-request comment to the newer one.`;
  return { markdown, text: markdown.replace(/\*\*/g, '') };
}

export function renderPlanFailureComment(title: string, status: StepStatus, failure: StepFailure): string {
  const note = (n: number) => `\n… and ${n} more problems (see the job summary).\n`;
  return fitMarkdown(renderFailureMarkdown(title, 'Plan failed', status, failure), COMMENT_LIMIT - 200, note);
}

export function renderPlanFailureSummary(title: string, status: StepStatus, failure: StepFailure, outdated: string | null): string {
  const parts = renderFailureMarkdown(title, 'Plan failed', status, failure);
  const summary = { ...parts, head: parts.head + (outdated ? `${outdated}\n\n` : '') };
  return fitMarkdown(summary, SUMMARY_LIMIT_BYTES, (n) => `\n… and ${n} more problems, cut to fit the 1 MiB job summary.\n`, 'bytes');
}
