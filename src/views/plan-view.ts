import jsonPatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';

import { hasChanges, needsAttention } from '../core/plan/has-changes.js';
import type { JsonValue } from '../core/text/json.js';
import { isJsonObject } from '../core/text/json.js';
import type { PlannedTask } from '../core/plan/plan-tasks.js';
import type { PlanAction, UpdateReason } from '../core/plan/report.js';
import { SENSITIVE, isSecretPointer, maskSecrets } from '../core/task/secret-keys.js';
import type { Task } from '../core/task/task.js';
import { DATA_STUDIO_API, type ApiVersion } from '../core/config/api-version.js';
import { stepDatasources } from './step-datasources.js';

// The plan as every renderer shows it (terminal, job summary, pull-request comment): the counts,
// and for each task that needs attention the fields that change with their old and new values.
// Secret values are masked here, once, so no renderer can show one.

export type FieldChange = {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy';
  path: string; // RFC 6901 pointer inside the section
  before?: JsonValue; // absent for "add"
  after?: JsonValue; // absent for "remove"
  from?: string; // for "move" and "copy"
};

export type FieldSection = {
  title: 'taskContent' | 'taskParam' | 'schedule' | 'live taskContent' | 'live taskParam' | 'live schedule';
  fields: FieldChange[];
};

export type PlanViewEntry = {
  key: string;
  file: string;
  action: PlanAction;
  reason: UpdateReason | null;
  drift: boolean;
  missing: boolean;
  undeployed: boolean;
  newTask: string | null; // for a task with no applied record: what it connects, in one line
  fileId: number | null; // the DataWorks file, when known (a deletion names it)
  nodeId: string | null; // or the node, on a 2024-05-18 workspace
  api: ApiVersion; // which API generation apply goes through
  sections: FieldSection[]; // only those with fields
};

export type PlanView = {
  counts: { create: number; update: number; unchanged: number; orphaned: number; delete: number };
  entries: PlanViewEntry[];
  hasChanges: boolean;
};

export function buildPlanView(planned: readonly PlannedTask[]): PlanView {
  const counts = { create: 0, update: 0, unchanged: 0, orphaned: 0, delete: 0 };
  const entries: PlanViewEntry[] = [];
  for (const entry of planned) {
    counts[entry.action] += 1;
    if (entry.action === 'orphaned' || needsAttention(entry)) entries.push(toEntry(entry));
  }
  return { counts, entries, hasChanges: hasChanges(planned) };
}

function toEntry(entry: PlannedTask): PlanViewEntry {
  const before = { content: entry.lastApplied?.taskContent ?? {}, param: entry.lastApplied?.taskParam ?? {}, schedule: entry.lastApplied?.schedule ?? {} };
  const sections: FieldSection[] = [
    { title: 'taskContent', fields: toFields(entry.taskContentPatch, before.content) },
    { title: 'taskParam', fields: toFields(entry.taskParamPatch, before.param) },
    { title: 'schedule', fields: toFields(entry.schedulePatch ?? [], before.schedule) },
    { title: 'live taskContent', fields: toFields(entry.liveContentPatch ?? [], before.content) },
    { title: 'live taskParam', fields: toFields(entry.liveParamPatch ?? [], before.param) },
    { title: 'live schedule', fields: toFields(entry.liveSchedulePatch ?? [], before.schedule) },
  ];
  return {
    key: entry.key,
    file: entry.file,
    action: entry.action,
    reason: entry.reason ?? null,
    drift: entry.drift === true,
    missing: entry.live === 'missing',
    undeployed: entry.undeployed === true,
    newTask: entry.task && !entry.lastApplied ? describeTask(entry.task, entry.action) : null,
    fileId: entry.fileId,
    nodeId: entry.nodeId,
    api: entry.api,
    sections: sections.filter((s) => s.fields.length > 0),
  };
}

function toFields(patch: readonly Operation[], before: JsonValue): FieldChange[] {
  const fields: FieldChange[] = [];
  for (const op of patch) {
    const old = () => mask(op.path, valueAt(before, op.path));
    if (op.op === 'add') fields.push({ op: 'add', path: op.path, after: mask(op.path, op.value) });
    else if (op.op === 'remove') fields.push(withBefore({ op: 'remove', path: op.path }, old()));
    else if (op.op === 'replace') fields.push({ ...withBefore({ op: 'replace', path: op.path }, old()), after: mask(op.path, op.value) });
    else if (op.op === 'move' || op.op === 'copy') fields.push({ op: op.op, path: op.path, from: op.from });
    // "test" and the internal "_get" change nothing.
  }
  return fields;
}

function withBefore(field: FieldChange, before: JsonValue | undefined): FieldChange {
  return before === undefined ? field : { ...field, before };
}

function mask(pointer: string, value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (isSecretPointer(pointer)) return SENSITIVE;
  return maskSecrets(value as JsonValue);
}

function valueAt(document: JsonValue, pointer: string): unknown {
  try {
    return jsonPatch.getValueByPointer(document, pointer);
  } catch {
    return undefined;
  }
}

// An update with no applied record overwrites a task that already exists in DataWorks; a create makes one.
function describeTask(task: Task, action: PlannedTask['action']): string {
  const steps = Array.isArray(task.taskContent.steps) ? task.taskContent.steps : [];
  const side = (category: string) =>
    steps
      .filter((step) => isJsonObject(step) && step.category === category)
      .map((step) => {
        const { stepType, parameter } = step as { stepType?: unknown; parameter?: unknown };
        const sources = stepDatasources(parameter);
        return sources.length > 0 ? `${String(stepType)} (${sources.join(', ')})` : String(stepType);
      })
      .join(' + ') || '?';
  const { ResourceGroup, Cu } = task.taskParam;
  const cu = Cu === undefined ? '' : `, ${String(Cu)} CU`;
  const verb = action === 'create' ? 'new task' : 'replaces its config in DataWorks with';
  return `${verb}: ${side('reader')} → ${side('writer')}, resource group ${String(ResourceGroup)}${cu}`;
}

// The note a view adds to a task of the new Data Studio: which API apply goes through. A legacy task
// has none, so a repository of legacy workspaces reads as it always has.
export function describeApi(entry: Pick<PlanViewEntry, 'api'>): string | null {
  return entry.api === DATA_STUDIO_API ? 'node, 2024-05-18 API' : null;
}

// What a deletion removes: the file, or the node.
export function describeTarget(entry: Pick<PlanViewEntry, 'fileId' | 'nodeId'>): string {
  return entry.nodeId !== null ? `node ${entry.nodeId}` : `file ${entry.fileId ?? '?'}`;
}
