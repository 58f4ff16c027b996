import { describe, expect, it } from 'vitest';

import type { DoctorReport } from '../../src/core/doctor/doctor-report.js';
import { seedNamedTaskReferences } from '../../src/emulator/start-emulator.js';
import { buildNodeTask } from '../support/build-task.js';
import { useE2e } from '../support/e2e-setup.js';
import { dataStudioConfig, nodeTaskYaml } from '../support/task-yaml.js';

// `dwsync doctor` on a new-Data-Studio workspace as a user runs it: the built CLI over real HTTP
// through the real SDK to the emulator, after an apply of the node's task file. Judged by the report,
// the calls the emulator received, and a plan afterwards: the probe must change nothing that matters.

const setup = useE2e();
const STUDIO = 20000;
const NODE_ID = '7000000000000000001';

describe('dwsync doctor on a 2024-05-18 workspace (built CLI)', () => {
  it('after an apply: the 2024-05-18 answers as documented, the node\'s FlowSpec described, the probe changes nothing and the plan stays clean', async () => {
    const task = buildNodeTask({ nodeId: NODE_ID, file: 'jobs/studio/users.yaml' });
    const env = await setup(0, { files: { 'dwsync.yaml': dataStudioConfig([STUDIO]), [task.file]: nodeTaskYaml(task) }, emulator: { newStudio: [STUDIO], nodes: [{ projectId: STUDIO, nodeId: NODE_ID }] } });
    seedNamedTaskReferences(env.emulator.state, [task]);
    expect((await env.dwsync(['apply'])).code).toBe(0);

    const run = await env.dwsync(['doctor', '--project-id', String(STUDIO), '--write-probe', '--json']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as DoctorReport;
    expect(report).toMatchObject({ ok: true, api: { configured: '2024-05-18', suggested: '2024-05-18' }, content: null });
    expect(report.checks.map((c) => `${c.operation} ${c.outcome}`)).toEqual([
      'GetProject as-documented',
      'ListDataSources as-documented',
      'ListResourceGroups as-documented',
      'ListNodes as-documented',
      'GetNode as-documented',
      'UpdateNode as-documented',
      'GetNode as-documented',
    ]);
    // dwsync's own apply wrote the FlowSpec: its version, the job without extend, the group in runtimeResource.
    expect(report.node).toMatchObject({
      nodeId: NODE_ID,
      version: '1.1.0',
      hasExtend: false,
      authorKeys: Object.keys(task.taskContent),
      diResourceGroup: { value: task.taskParam['ResourceGroup'], foundIn: 'spec.nodes[0].runtimeResource.resourceGroup' },
    });
    expect(report.writeProbe).toEqual({
      sent: 'UpdateNode: script.content unchanged',
      outcome: 'unchanged',
      changes: [],
      flowSpec: { versionBefore: '1.1.0', versionSent: '1.1.0', versionAfter: '1.1.0', extend: 'absent' },
    });
    const updates = (await env.calls()).filter((c) => c.action === 'UpdateNode');
    expect(updates).toHaveLength(2); // the apply's and the probe's

    const plan = await env.dwsync(['plan', '--refresh', '--detailed-exitcode']);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);

    const text = await env.dwsync(['doctor', '--project-id', String(STUDIO), '--node-id', NODE_ID]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`FlowSpec of node ${NODE_ID}`);
    expect(text.stdout).toContain('  extend block:         no\n');
    expect(text.stdout.endsWith('Everything DataWorks answered is as documented.\n')).toBe(true);
  });

  it('--file-id on a workspace dwsync.yaml puts on 2024-05-18 is refused with exit 1, before any call', async () => {
    const env = await setup(0, { files: { 'dwsync.yaml': dataStudioConfig([STUDIO]) }, emulator: { newStudio: [STUDIO] } });
    const run = await env.dwsync(['doctor', '--project-id', String(STUDIO), '--file-id', '1000000']);
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toBe(`dwsync: --file-id names a file, and workspace ${STUDIO} is on the new Data Studio (workspaces."${STUDIO}".api in dwsync.yaml is 2024-05-18): give --node-id\n`);
    expect(await env.calls()).toEqual([]);
  });
});
