import type { PlanReport } from '../core/plan/report.js';
import { renderJsonPieces } from './render-json.js';

// `dwsync plan --json`: the plan report, pretty-printed (renderJson's text), in pieces, a change at a
// time (render-json.ts), so a plan of many tasks is never one string, and its changes' patches are
// made and dropped one after another.
export function renderPlanJsonPieces(report: PlanReport): Iterable<string> {
  return renderJsonPieces(report);
}
