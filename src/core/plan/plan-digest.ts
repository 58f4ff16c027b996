import { hashCanonical } from '../text/canonical-json.js';
import type { JsonValue } from '../text/json.js';
import type { PlanReport } from './report.js';

// A short fingerprint of what a plan would do, shown in the pull-request comment and the job
// summary: two plans with the same digest change the same fields to the same values.
export function digestPlan(report: PlanReport): string {
  return hashCanonical(report.changes as unknown as JsonValue).slice('sha256:'.length, 'sha256:'.length + 12);
}
