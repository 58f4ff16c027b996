import type { RekeyReport } from '../core/rekey/rekey-report.js';
import { renderJson } from './render-json.js';

// `dwsync rekey --json`: the report as one document. Pure.
export function renderRekeyJson(report: RekeyReport): string {
  return renderJson(report, 2);
}
