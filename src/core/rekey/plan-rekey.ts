import { hashCanonical } from '../text/canonical-json.js';
import type { JsonValue } from '../text/json.js';
import type { TaskRecord } from '../state/state-schema.js';
import { taskKey, type Task } from '../task/task.js';
import { matchNodes, type DiNode } from './match-nodes.js';
import { parseImportHeader } from './parse-import-header.js';
import type { AmbiguousTask, RekeyedTask, UnmatchedTask } from './rekey-report.js';
import { replaceFileId } from './replace-file-id.js';

export type RekeyInput = {
  projectId: number;
  tasks: readonly Task[]; // every task of the repository; those of projectId with a fileId are re-keyed
  texts: ReadonlyMap<string, string>; // task file → its text
  records: Readonly<Record<string, TaskRecord>>; // the state's records
  nodes: readonly DiNode[]; // the workspace's DI nodes
  map: ReadonlyMap<number, string>; // --map: file id → node id
};

// One re-keyed task: its file's new text (every rekeyed task of the file applied) and the record to
// move, null when the state has none.
export type RekeyMove = RekeyedTask & { fromKey: string; toKey: string; record: TaskRecord | null };

export type RekeyPlan = {
  moves: RekeyMove[];
  files: Map<string, string>; // task file → its new text
  unmatched: UnmatchedTask[];
  ambiguous: AmbiguousTask[];
};

// What a rekey of one workspace does: which task becomes which node (match-nodes.ts, with the legacy
// name from the task file's import header), the task files' new texts and the records to move. A node
// that a task or a record already uses under its node id is not given to another task. Pure.
export function planRekey(input: RekeyInput): RekeyPlan {
  const { projectId } = input;
  const legacy = input.tasks.filter((t) => t.projectId === projectId && t.fileId !== null);
  const taken = new Set(input.tasks.filter((t) => t.projectId === projectId && t.nodeId !== undefined).map((t) => t.nodeId!));
  const fileOf = new Map(legacy.map((t) => [t.fileId!, t.file]));
  const match = matchNodes(
    legacy.map((t) => ({ fileId: t.fileId!, ...parseImportHeader(input.texts.get(t.file) ?? '', projectId, t.fileId!) })),
    input.nodes,
    input.map,
  );
  const plan: RekeyPlan = {
    moves: [],
    files: new Map(),
    unmatched: match.unmatched.map((u) => ({ file: fileOf.get(u.fileId)!, ...u })),
    ambiguous: match.ambiguous.map((a) => ({ file: fileOf.get(a.fileId)!, ...a })),
  };
  for (const m of match.matched) {
    const file = fileOf.get(m.fileId)!;
    const fromKey = taskKey(projectId, m.fileId);
    const toKey = taskKey(projectId, m.nodeId);
    if (taken.has(m.nodeId)) {
      plan.unmatched.push({ file, fileId: m.fileId, reason: `node ${m.nodeId} already has a task file of its own (${toKey})` });
      continue;
    }
    // A record under the node's key with none left under the file's is a rekey that stopped between
    // moving the record and rewriting the file: finish it. Both present and different: refuse.
    const from = input.records[fromKey];
    const to = input.records[toKey];
    if (to !== undefined && from !== undefined && !sameRecord(to, movedRecord(from))) {
      plan.unmatched.push({ file, fileId: m.fileId, reason: `the state holds records under both ${fromKey} and ${toKey}: remove the one that is wrong` });
      continue;
    }
    const text = replaceFileId(plan.files.get(file) ?? input.texts.get(file) ?? '', m.fileId, m.nodeId);
    if (text === undefined) {
      plan.unmatched.push({ file, fileId: m.fileId, reason: `found no top-level "fileId: ${m.fileId}" to replace in ${file}` });
      continue;
    }
    plan.files.set(file, text);
    const record = from ? movedRecord(from) : (to ?? null);
    plan.moves.push({ file, fileId: m.fileId, nodeId: m.nodeId, by: m.by, recordMoved: record !== null, fromKey, toKey, record });
  }
  return plan;
}

// The record under its new key keeps its whole history (applied config, hashes, commit, request id,
// last attempt, deploy); only a file id learned for a named task is dropped, as the key now says the node.
function movedRecord(record: TaskRecord): TaskRecord {
  const { fileId: _fileId, ...rest } = record;
  return rest;
}

// A record is plain JSON (it is read from and written to the state file).
function sameRecord(a: TaskRecord, b: TaskRecord): boolean {
  return hashCanonical(a as JsonValue) === hashCanonical(b as JsonValue);
}
