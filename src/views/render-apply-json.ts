import type { ApplyReport } from '../core/plan/report.js';
import { renderJson } from './render-json.js';

// `dwsync apply --json`: the apply report, pretty-printed.
export function renderApplyJson(report: ApplyReport): string {
  return renderJson(report, 2);
}
