import type { PlanReport } from '../core/plan/report.js';
import { renderJson, renderJsonPieces } from './render-json.js';

// `dwsync plan --json`: the plan report, pretty-printed.
export function renderPlanJson(report: PlanReport): string {
  return renderJson(report, 2);
}

// The same text in pieces, a change at a time (render-json.ts): what the CLI writes, so a plan of many
// tasks is never one string, and its changes' patches are made and dropped one after another.
export function renderPlanJsonPieces(report: PlanReport): Iterable<string> {
  return renderJsonPieces(report);
}
