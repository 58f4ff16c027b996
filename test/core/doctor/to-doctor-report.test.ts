import { describe, expect, it } from 'vitest';

import { toDoctorReport } from '../../../src/core/doctor/to-doctor-report.js';
import type { AnswerCheck, WriteProbe } from '../../../src/core/doctor/doctor-report.js';

const check = (outcome: AnswerCheck['outcome']): AnswerCheck => ({ operation: 'GetFile', version: '2020-05-18', requestId: null, outcome, problems: [], absent: [] });
const probe = (outcome: WriteProbe['outcome']): WriteProbe => ({ sent: 'TaskContent unchanged, no TaskParam', outcome, changes: [] });

const LEGACY = { configured: '2020-05-18' as const, suggested: null, evidence: '' };

describe('toDoctorReport', () => {
  it('is ok only when every answer was as documented and the write probe did not fail', () => {
    const ok = (checks: AnswerCheck[], writeProbe: WriteProbe | null) => toDoctorReport('http://x', 1, { checks, content: null, node: null, writeProbe, api: LEGACY }).ok;
    expect(ok([check('as-documented')], null)).toBe(true);
    expect(ok([check('as-documented')], probe('changed'))).toBe(true);
    expect(ok([check('as-documented'), check('differs')], null)).toBe(false);
    expect(ok([check('failed')], null)).toBe(false);
    expect(ok([check('as-documented')], probe('failed'))).toBe(false);
  });

  it('is not ok when the answers suggest another api than dwsync.yaml says', () => {
    const api = { configured: '2020-05-18' as const, suggested: '2024-05-18' as const, evidence: 'e' };
    expect(toDoctorReport('http://x', 1, { checks: [], content: null, node: null, writeProbe: null, api }).ok).toBe(false);
  });

  it('keeps the key order of the printed document', () => {
    expect(Object.keys(toDoctorReport('http://x', 1, { checks: [], content: null, node: null, writeProbe: null, api: LEGACY }))).toEqual(['formatVersion', 'endpoint', 'projectId', 'ok', 'api', 'checks', 'content', 'node', 'writeProbe']);
  });
});

describe('toDoctorReport, an api that agrees', () => {
  it('is ok when the answers suggest the api dwsync.yaml says', () => {
    const api = { configured: '2024-05-18' as const, suggested: '2024-05-18' as const, evidence: 'e' };
    expect(toDoctorReport('http://x', 1, { checks: [], content: null, writeProbe: null, node: null, api }).ok).toBe(true);
  });
});
