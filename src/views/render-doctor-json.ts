import type { DoctorReport } from '../core/doctor/doctor-report.js';
import { renderJson } from './render-json.js';

// `dwsync doctor --json`: the doctor report, pretty-printed.
export function renderDoctorJson(report: DoctorReport): string {
  return renderJson(report, 2);
}
