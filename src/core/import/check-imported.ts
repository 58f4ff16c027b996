import type { PlannedTask } from '../plan/plan-tasks.js';
import type { ImportCheck } from './import-report.js';

// Every task import wrote must plan "unchanged"; anything else is reported by key. Pure.
export function checkImported(planned: PlannedTask[], written: ReadonlySet<string>): ImportCheck {
  const mismatches: ImportCheck['mismatches'] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const entry of planned) {
    if (!written.has(entry.key)) continue;
    seen.add(entry.key);
    if (entry.action === 'unchanged') unchanged += 1;
    else mismatches.push({ key: entry.key, file: entry.file, action: entry.action, ...(entry.reason ? { reason: entry.reason } : {}) });
  }
  // A written task the plan did not see at all (its file lies outside the jobs folder, say).
  for (const key of written) if (!seen.has(key)) mismatches.push({ key, file: '', action: 'missing' });
  return { ok: mismatches.length === 0, checked: written.size, unchanged, mismatches, problems: [] };
}
