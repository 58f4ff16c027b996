import type { ImportReport } from '../core/import/import-report.js';
import { renderJson } from './render-json.js';

// `dwsync import --json`: the import report, pretty-printed.
export function renderImportJson(report: ImportReport): string {
  return renderJson(report, 2);
}
