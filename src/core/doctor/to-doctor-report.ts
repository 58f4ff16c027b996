import type { DoctorReport } from './doctor-report.js';

export type Inspection = Pick<DoctorReport, 'checks' | 'content' | 'node' | 'writeProbe' | 'api'>;

// The report of one doctor run: ok when every answer was as documented and the write probe, if
// asked for, went through, and dwsync.yaml's api for the workspace is what the answers suggest.
export function toDoctorReport(endpoint: string, projectId: number, inspection: Inspection): DoctorReport {
  const ok = inspection.checks.every((c) => c.outcome === 'as-documented') && (inspection.writeProbe === null || inspection.writeProbe.outcome !== 'failed') &&
    (inspection.api.suggested === null || inspection.api.suggested === inspection.api.configured);
  return { formatVersion: 1, endpoint, projectId, ok, api: inspection.api, checks: inspection.checks, content: inspection.content, node: inspection.node, writeProbe: inspection.writeProbe };
}
