import { compareKeys } from './plan-tasks.js';
import type { ApplyReport, ApplyResult } from './report.js';

// The results of an apply (of every workspace it covered) as the report it prints: counted, sorted by key.
export function toApplyReport(results: ApplyResult[]): ApplyReport {
  const summary = { created: 0, applied: 0, deleted: 0, failed: 0, unchanged: 0, skipped: 0 };
  for (const result of results) summary[result.outcome] += 1;
  return { formatVersion: 1, summary, results: [...results].sort((a, b) => compareKeys(a.key, b.key)) };
}
