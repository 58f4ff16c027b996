import { compareKeys } from '../plan/plan-tasks.js';
import type { ImportCheck, ImportReport, ImportResult } from './import-report.js';

// The results of an import and the plan check after it, as the report it prints: counted, sorted by key.
export function toImportReport(results: ImportResult[], check: ImportCheck): ImportReport {
  const summary = { written: 0, exists: 0, failed: 0 };
  for (const result of results) summary[result.outcome] += 1;
  return { formatVersion: 1, summary, results: [...results].sort((a, b) => compareKeys(a.key, b.key)), check };
}
