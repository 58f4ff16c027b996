import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/core/doctor/doctor-report.js';
import { renderDoctorText } from '../../src/views/render-doctor-text.js';

describe('renderDoctorText', () => {
  it('marks each checked answer, describes the content, and gives the verdict', () => {
    const report: DoctorReport = {
      formatVersion: 1,
      endpoint: 'http://127.0.0.1:1',
      api: { configured: '2020-05-18', suggested: '2024-05-18', evidence: 'ListFiles failed (X); ListNodes answered with 1 DI node(s) on its first page' },
      projectId: 10000,
      ok: false,
      checks: [
        { operation: 'GetProject', version: '2020-05-18', requestId: 'r-1', outcome: 'as-documented', problems: [], absent: ['Data.Foo'] },
        { operation: 'ListFiles', version: '2020-05-18', requestId: null, outcome: 'failed', problems: [], absent: [], error: { code: 'Forbidden', message: 'denied' } },
      ],
      content: {
        fileId: 5,
        fileName: 'u_pk',
        folderPath: 'Business Flow/ods',
        authorKeys: ['steps', 'type'],
        serviceManagedKeys: ['extend'],
        extendKeys: [],
        diResourceGroup: { value: 'S_1', foundIn: 'Content.extend.resourceGroup' },
      },
      node: null,
      writeProbe: null,
    };
    expect(renderDoctorText(report)).toBe(
      [
        'dwsync doctor: http://127.0.0.1:1, workspace 10000',
        '',
        '✓ GetProject: as documented (request r-1)',
        '    1 documented field(s) not sent, which is fine when they are empty (listed in --json)',
        '✗ ListFiles: failed: Forbidden: denied',
        '',
        '✗ API: 2020-05-18 configured, 2024-05-18 suggested (ListFiles failed (X); ListNodes answered with 1 DI node(s) on its first page)',
        '    set workspaces."10000".api in dwsync.yaml to "2024-05-18"',
        '',
        'Content of file 5 (u_pk, Business Flow/ods):',
        '  author keys:          steps, type',
        '  service-managed keys: extend',
        '  keys under extend:    (none)',
        '  DI resource group:    S_1 (found in Content.extend.resourceGroup)',
        '',
        'Some answers differ from the SDK models, or a call failed: paste this report into an issue.',
        '',
      ].join('\n'),
    );
  });
});
