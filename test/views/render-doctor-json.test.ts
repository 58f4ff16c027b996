import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/core/doctor/doctor-report.js';
import { renderDoctorJson } from '../../src/views/render-doctor-json.js';

describe('renderDoctorJson', () => {
  it('prints the doctor report pretty-printed, with a final newline', () => {
    const report: DoctorReport = {
      formatVersion: 1,
      endpoint: 'http://127.0.0.1:1',
      api: { configured: '2020-05-18', suggested: null, evidence: '' },
      projectId: 10000,
      ok: false,
      checks: [{ operation: 'GetProject', version: '2020-05-18', requestId: null, outcome: 'failed', problems: [], absent: [], error: { code: 'E', message: 'm' } }],
      content: null,
      node: null,
      writeProbe: null,
    };
    const text = renderDoctorJson(report);
    expect(JSON.parse(text)).toEqual(report);
    expect(text).toContain('\n  "endpoint": "http://127.0.0.1:1",\n');
    expect(text.endsWith('}\n')).toBe(true);
  });
});
