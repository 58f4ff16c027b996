import type { PlanReport } from '../core/plan/report.js';
import { renderJson } from './render-json.js';

// `dwsync plan --json`: the plan report, pretty-printed.
export function renderPlanJson(report: PlanReport): string {
  return renderJson(report, 2);
}
