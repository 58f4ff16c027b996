import type { DoctorReport } from './doctor-report.js';

// The report of one doctor run: ok when every answer was as documented and the write probe, if
// asked for, went through.
export function toDoctorReport(endpoint: string, projectId: number, inspection: Pick<DoctorReport, 'checks' | 'content' | 'writeProbe'>): DoctorReport {
  const ok = inspection.checks.every((c) => c.outcome === 'as-documented') && (inspection.writeProbe === null || inspection.writeProbe.outcome !== 'failed');
  return { formatVersion: 1, endpoint, projectId, ok, ...inspection };
}
