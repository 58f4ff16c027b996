import type { ApplyReport } from '../core/plan/report.js';
import { renderJsonPieces } from './render-json.js';

// `dwsync apply --json`: the apply report, pretty-printed (renderJson's text), in pieces, a task at a
// time (render-json.ts), so a report of many tasks is never one string.
export function renderApplyJsonPieces(report: ApplyReport): Iterable<string> {
  return renderJsonPieces(report);
}
