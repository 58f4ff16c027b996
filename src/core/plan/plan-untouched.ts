import type { TaskRecord } from '../state/state-schema.js';
import type { PlannedTask } from './plan-tasks.js';
import type { WorkItem } from './plan-work.js';
import type { ApplyResult } from './report.js';

export type Untouched = {
  results: ApplyResult[]; // one "unchanged" result per task apply sends nothing for
  moved: Array<{ key: string; record: TaskRecord }>; // the records to write again, with the new file name
};

// The planned tasks apply makes no call for (not in its work, which holds every delete; not an orphan): each is
// reported unchanged. A task whose file moved keeps its record; only the recorded file name follows it,
// so the next plan still compares against what was applied.
export function planUntouched(planned: readonly PlannedTask[], work: readonly WorkItem[], records: Readonly<Record<string, TaskRecord>>): Untouched {
  const touched = new Set(work.map((item) => item.entry.key));
  const untouched: Untouched = { results: [], moved: [] };
  for (const entry of planned) {
    if (entry.action === 'orphaned' || touched.has(entry.key)) continue; // a delete is always in the work
    untouched.results.push({ key: entry.key, file: entry.file, outcome: 'unchanged', attempts: 0 });
    const record = records[entry.key];
    if (record && record.file !== entry.file) untouched.moved.push({ key: entry.key, record: { ...record, file: entry.file } });
  }
  return untouched;
}
