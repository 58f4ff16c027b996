import type { PlannedTask } from '../core/plan/plan-tasks.js';
import { buildPlanView, describeApi, describeTarget } from './plan-view.js';
import type { FieldSection, PlanViewEntry } from './plan-view.js';
import { renderFieldLines } from './render-field-diff.js';
import { describeReason } from './describe-reason.js';
import { paint } from './paint.js';
import type { Painter } from './paint.js';
import type { PlanSummary } from '../core/plan/report.js';

// The plan as a person reads it in a terminal: a summary line, then each task that would change with
// the fields that change, old value → new value. It draws the same plan view, and the same field
// lines (render-field-diff.ts), as the markdown.
export function renderPlanText(planned: PlannedTask[], options: { color: boolean; prune?: boolean }): string {
  const p = paint(options.color);
  const view = buildPlanView(planned);
  const { create, update, unchanged, orphaned } = view.counts;
  const creates = create > 0 ? `${create} to create, ` : '';
  const deletes = options.prune ? `, ${view.counts.delete} to delete` : '';
  const summary = `Plan: ${creates}${update} to update, ${unchanged} unchanged, ${orphaned} orphaned${deletes}.`;
  if (view.entries.length === 0) return `${summary}\nNo changes. DataWorks matches the task files.\n`;
  return `${view.entries.map((entry) => renderEntry(entry, p)).join('\n')}\n${p.bold(summary)}\n`;
}

function renderEntry(entry: PlanViewEntry, p: Painter): string {
  const notes: string[] = [entry.action === 'update' ? describeReason(entry.reason ?? undefined) : entry.action];
  if (entry.drift) notes.push('drift: changed in DataWorks outside git');
  if (entry.missing) notes.push('missing in DataWorks');
  if (entry.undeployed) notes.push('not deployed');
  const api = describeApi(entry);
  if (api) notes.push(api);
  const marks: Partial<Record<PlanViewEntry['action'], string>> = { orphaned: p.red('!'), delete: p.red('-'), create: p.green('+') };
  const mark = marks[entry.action] ?? p.yellow('~');
  const lines = [`${mark} ${p.bold(entry.key)}  ${entry.file}  (${notes.join(', ')})`];
  if (entry.action === 'orphaned') {
    lines.push('    in the state but no task file declares it; left as it is in DataWorks (apply --prune deletes what dwsync created or applied)');
  }
  if (entry.action === 'delete') return [...lines, p.red(`    no task file declares it: apply --prune deletes ${describeTarget(entry)} in DataWorks`)].join('\n');
  if (entry.action === 'create') lines.push(p.green(`    apply finds the ${entry.api === '2024-05-18' ? 'node' : 'file'} of this name in this folder, or creates it`));
  // A whole new config as a patch is a wall of text; what a reviewer wants is what it connects.
  if (entry.newTask !== null) lines.push(p.green(`    ${entry.newTask}`));
  for (const section of entry.sections) {
    // The new task's one line stands for its config; its schedule is still shown field by field.
    if (entry.newTask !== null && !section.title.startsWith('live') && section.title !== 'schedule') continue;
    lines.push(...renderSection(section, p));
  }
  return lines.join('\n');
}

function renderSection(section: FieldSection, p: Painter): string[] {
  const title = section.title.startsWith('live') ? `${section.title} (edited outside git)` : section.title;
  const colour = { add: p.green, remove: p.red, replace: p.yellow, move: String, copy: String };
  return [`    ${title}`, ...renderFieldLines(section).map((line) => `      ${colour[line.op](line.text)}`)];
}

// The plan step's line in the Action's log: the counts and the plan's digest.
export function renderPlanStepLine(summary: PlanSummary, digest: string): string {
  const deletes = summary.delete ?? 0;
  const lifecycle = `${summary.create > 0 ? `${summary.create} to create, ` : ''}${deletes > 0 ? `${deletes} to delete, ` : ''}`;
  return `dwsync plan: ${lifecycle}${summary.update} to update, ${summary.unchanged} unchanged, ${summary.orphaned} orphaned (digest ${digest})`;
}
