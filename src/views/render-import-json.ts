import type { ImportReport } from '../core/import/import-report.js';
import { renderJsonPieces } from './render-json.js';

// `dwsync import --json`: the import report, pretty-printed (renderJson's text), in pieces, a task at a
// time (render-json.ts), so a report of many tasks is never one string.
export function renderImportJsonPieces(report: ImportReport): Iterable<string> {
  return renderJsonPieces(report);
}
