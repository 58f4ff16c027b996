import jsonPatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';

import type { JsonValue } from './json.js';
import { isJsonObject } from './json.js';
import type { Task } from './task.js';
import type { PlannedTask } from './plan-tasks.js';
import { SENSITIVE, isSecretPointer } from './secret-keys.js';
import { describeReason } from './describe-reason.js';
import { paint } from './paint.js';
import type { Painter } from './paint.js';

const MAX_VALUE = 100;

// The plan as a person reads it in a terminal: a summary line, then each task that would change with
// the fields that change, old value → new value.
export function renderPlanText(planned: PlannedTask[], options: { color: boolean }): string {
  const p = paint(options.color);
  const counts = { update: 0, unchanged: 0, orphaned: 0 };
  const blocks: string[] = [];
  for (const entry of planned) {
    counts[entry.action] += 1;
    if (entry.action !== 'unchanged' || entry.drift || entry.undeployed || entry.live) blocks.push(renderEntry(entry, p));
  }
  const summary = `Plan: ${counts.update} to update, ${counts.unchanged} unchanged, ${counts.orphaned} orphaned.`;
  if (blocks.length === 0) return `${summary}\nNo changes. DataWorks matches the task files.\n`;
  return `${blocks.join('\n')}\n${p.bold(summary)}\n`;
}

function renderEntry(entry: PlannedTask, p: Painter): string {
  const notes: string[] = [entry.action === 'update' ? describeReason(entry.reason) : entry.action];
  if (entry.drift) notes.push('drift: changed in DataWorks outside git');
  if (entry.live === 'missing') notes.push('missing in DataWorks');
  if (entry.undeployed) notes.push('not deployed');
  const mark = entry.action === 'orphaned' ? p.red('!') : p.yellow('~');
  const lines = [`${mark} ${p.bold(entry.key)}  ${entry.file}  (${notes.join(', ')})`];
  if (entry.action === 'orphaned') {
    lines.push('    in the state but no task file declares it; dwsync never deletes it in DataWorks');
  }
  if (entry.task && !entry.previous) {
    // A whole config as a patch is a wall of text; what a reviewer wants is what it connects.
    lines.push(p.green(`    ${describeTask(entry.task)}`));
  } else {
    lines.push(...renderPatch('taskContent', entry.taskContentPatch, entry.previous?.taskContent ?? {}, p));
    lines.push(...renderPatch('taskParam', entry.taskParamPatch, entry.previous?.taskParam ?? {}, p));
  }
  lines.push(...renderPatch('live taskContent (edited outside git)', entry.liveContentPatch ?? [], entry.previous?.taskContent ?? {}, p));
  lines.push(...renderPatch('live taskParam (edited outside git)', entry.liveParamPatch ?? [], entry.previous?.taskParam ?? {}, p));
  return lines.join('\n');
}

function renderPatch(title: string, patch: Operation[], before: JsonValue, p: Painter): string[] {
  if (patch.length === 0) return [];
  const lines = [`    ${title}`];
  for (const op of patch) {
    if (op.op === 'add') lines.push(p.green(`      + ${op.path}: ${formatValue(op.value, op.path)}`));
    else if (op.op === 'remove') lines.push(p.red(`      - ${op.path}: ${formatValue(valueAt(before, op.path), op.path)}`));
    else if (op.op === 'replace') {
      const old = formatValue(valueAt(before, op.path), op.path);
      lines.push(p.yellow(`      ~ ${op.path}: ${old} → ${formatValue(op.value, op.path)}`));
    } else lines.push(`      ${op.op} ${op.path}`);
  }
  return lines;
}

function describeTask(task: Task): string {
  const steps = Array.isArray(task.taskContent.steps) ? task.taskContent.steps : [];
  const side = (category: string) =>
    steps
      .filter((step) => isJsonObject(step) && step.category === category)
      .map((step) => {
        const { stepType, parameter } = step as { stepType?: unknown; parameter?: unknown };
        const source = isJsonObject(parameter) && typeof parameter.datasource === 'string' ? ` (${parameter.datasource})` : '';
        return `${String(stepType)}${source}`;
      })
      .join(' + ') || '?';
  const { ResourceGroup, Cu } = task.taskParam;
  const cu = Cu === undefined ? '' : `, ${String(Cu)} CU`;
  return `replaces its config in DataWorks with: ${side('reader')} → ${side('writer')}, resource group ${String(ResourceGroup)}${cu}`;
}

function valueAt(document: JsonValue, pointer: string): unknown {
  try {
    return jsonPatch.getValueByPointer(document, pointer);
  } catch {
    return undefined;
  }
}

function formatValue(value: unknown, pointer: string): string {
  if (isSecretPointer(pointer)) return SENSITIVE;
  const text = value === undefined ? '(none)' : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}
