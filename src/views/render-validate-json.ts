import type { ValidateReport } from '../core/task/validate-report.js';
import { renderJson } from './render-json.js';

// `dwsync validate --json`: one line, valid or not, with every problem and warning.
export function renderValidateJson(report: ValidateReport): string {
  const { files, tasks, problems, warnings } = report;
  return renderJson({ formatVersion: 1, valid: problems.length === 0, files, tasks, problems, warnings }, 0);
}
