import type { ValidateReport } from '../core/task/validate-report.js';
import { renderProblemsText } from './render-problems-text.js';

// `dwsync validate` for a terminal: every problem and warning on stderr (also under --json), and one
// verdict line on stdout.
export function renderValidateText(report: ValidateReport): { stdout: string; stderr: string } {
  const stderr = renderProblemsText(report.problems, report.warnings);
  if (report.problems.length === 0) return { stdout: `${report.tasks} task(s) in ${report.files} file(s): all valid.\n`, stderr };
  return { stdout: `${report.problems.length} problem(s) in ${report.files} file(s).\n`, stderr };
}
