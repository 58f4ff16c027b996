import { afterEach, describe, expect, it } from 'vitest';
import { doctor, type DoctorDeps } from '../../src/commands/doctor.js';
import { UserInputError } from '../../src/errors.js';
import { renderDoctorText } from '../../src/views/render-doctor-text.js';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { dataStudioConfig } from '../support/task-yaml.js';
import { doctorDeps } from '../support/doctor-deps.js';
import { createTempRepo, type TempRepo } from '../support/temp-repo.js';

// `dwsync doctor` on a workspace dwsync.yaml puts on the new Data Studio (2024-05-18): through the real
// SDK over HTTP to the emulator. Judged by the calls the emulator received and the node it holds
// afterwards, besides the report.

const STUDIO = 20000;
const SQL_NODE = '7000000000000000001'; // listed first, not a batch sync node
const DI_NODE = '7000000000000000002';
const OTHER_DI_NODE = '7000000000000000003';
const SECRET = 'Doctor-Secret-Value-2024';
const PASSWORD = 'db-password-2024';

const job = {
  type: 'job',
  version: '2.0',
  steps: [{ stepType: 'mysql', category: 'reader', name: 'Reader', parameter: { password: PASSWORD } }],
  extend: { mode: 'wizard', resourceGroup: 'S_res_group_in_extend', cu: 2 },
};

// A DI node as Alibaba's Data Studio examples write one: version 2.0.0, an extend block in the job,
// a trigger, rerun fields and spec-level dependencies.
function diSpec(id: string, name: string, version = '2.0.0') {
  return {
    version,
    kind: 'Node',
    spec: {
      nodes: [
        {
          id,
          name,
          recurrence: 'Normal',
          rerunMode: 'Allowed',
          rerunTimes: 3,
          script: { path: `Workflow/ods/${name}`, language: 'di', runtime: { command: 'DI' }, content: JSON.stringify(job) },
          trigger: { type: 'Scheduler', cron: '00 00 01 * * ?' },
          runtimeResource: { resourceGroup: 'S_res_group_1_1', cu: '2' },
        },
      ],
      dependencies: [{ nodeId: id, depends: [{ type: 'Normal', output: 'proj_root' }] }],
    },
  };
}

const sqlSpec = {
  version: '2.0.0',
  kind: 'Node',
  spec: { nodes: [{ id: SQL_NODE, name: 'report', script: { path: 'Workflow/report', language: 'odps-sql', runtime: { command: 'ODPS_SQL' }, content: 'select 1' } }] },
};

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: { config?: string; version?: string } = {}): Promise<{ emulator: Emulator; repo: TempRepo; deps: DoctorDeps }> {
  const emulator = await startEmulator({
    credentials: { doctor: SECRET },
    newStudio: [STUDIO],
    nodes: [
      { projectId: STUDIO, nodeId: SQL_NODE, name: 'report', spec: sqlSpec },
      { projectId: STUDIO, nodeId: DI_NODE, name: 'ods_users', spec: diSpec(DI_NODE, 'ods_users', options.version) },
      { projectId: STUDIO, nodeId: OTHER_DI_NODE, name: 'ods_orders', spec: diSpec(OTHER_DI_NODE, 'ods_orders', '1.1.0') },
    ],
  });
  const repo = await createTempRepo({ 'dwsync.yaml': options.config ?? dataStudioConfig([STUDIO]) });
  cleanups.push(() => emulator.close(), () => repo.remove());
  const deps = doctorDeps(emulator.url, 'doctor', SECRET);
  return { emulator, repo, deps };
}

const calls = (emulator: Emulator) => emulator.state.calls.map((c) => `${c.action} ${c.version}`);
const heldSpec = (emulator: Emulator, id: string) => emulator.state.studio.nodes.get(`${STUDIO}/${id}`)!.spec;

describe('doctor on a 2024-05-18 workspace', () => {
  it('checks the 2024-05-18 answers, describes the first DI node listed, and writes nothing', async () => {
    const { emulator, repo, deps } = await setup();
    const report = await doctor({ root: repo.dir, projectId: STUDIO }, deps);

    expect(report.checks.map((c) => [c.operation, c.version, c.outcome])).toEqual([
      ['GetProject', '2024-05-18', 'as-documented'],
      ['ListDataSources', '2024-05-18', 'as-documented'],
      ['ListResourceGroups', '2024-05-18', 'as-documented'],
      ['ListNodes', '2024-05-18', 'as-documented'],
      ['GetNode', '2024-05-18', 'as-documented'],
    ]);
    // ListFiles is asked for the api evidence only; not one 2020-05-18 check, and no write.
    expect(calls(emulator)).toEqual([
      'GetProject 2024-05-18',
      'ListDataSources 2024-05-18',
      'ListResourceGroups 2024-05-18',
      'ListNodes 2024-05-18',
      'ListFiles 2020-05-18',
      'GetNode 2024-05-18',
    ]);
    expect(emulator.state.calls.find((c) => c.action === 'GetNode')!.parameters.Id).toBe(DI_NODE);
    expect(report.api).toEqual({ configured: '2024-05-18', suggested: '2024-05-18', evidence: 'ListFiles failed (Invalid.DataStudio.LegacyApi); ListNodes answered with 2 DI node(s) on its first page' });
    expect(report.ok).toBe(true);
    expect(report.content).toBeNull();
    expect(report.writeProbe).toBeNull();
    expect(report.node).toEqual({
      nodeId: DI_NODE,
      name: 'ods_users',
      path: 'Workflow/ods/ods_users',
      version: '2.0.0',
      kind: 'Node',
      jobIn: 'spec.nodes[0].script.content',
      authorKeys: ['type', 'version', 'steps'],
      serviceManagedKeys: ['extend'],
      hasExtend: true,
      extendKeys: ['mode', 'resourceGroup', 'cu'],
      diResourceGroup: { value: 'S_res_group_1_1', foundIn: 'spec.nodes[0].runtimeResource.resourceGroup' },
      schedulingFields: ['trigger.type', 'trigger.cron', 'recurrence', 'rerunMode', 'rerunTimes', 'spec.dependencies'],
    });
    const text = renderDoctorText(report);
    expect(text).toContain('✓ ListNodes (2024-05-18): as documented');
    expect(text).toContain(`FlowSpec of node ${DI_NODE} (ods_users, Workflow/ods/ods_users):\n  version:              2.0.0 (kind Node)`);
    for (const out of [JSON.stringify(report), text]) {
      expect(out).not.toContain(SECRET);
      expect(out).not.toContain(PASSWORD);
    }
  });

  it('--node-id looks into that node', async () => {
    const { emulator, repo, deps } = await setup();
    const report = await doctor({ root: repo.dir, projectId: STUDIO, nodeId: OTHER_DI_NODE }, deps);
    expect(emulator.state.calls.filter((c) => c.action === 'GetNode').map((c) => c.parameters.Id)).toEqual([OTHER_DI_NODE]);
    expect(report.node).toMatchObject({ nodeId: OTHER_DI_NODE, name: 'ods_orders', version: '1.1.0' });
  });

  it('--write-probe sends UpdateNode with the node id and its own script.content, and reports the version answered after and the extend kept', async () => {
    const { emulator, repo, deps } = await setup();
    const before = structuredClone(heldSpec(emulator, DI_NODE)) as ReturnType<typeof diSpec>;
    const report = await doctor({ root: repo.dir, projectId: STUDIO, writeProbe: true }, deps);

    const updates = emulator.state.calls.filter((c) => c.action === 'UpdateNode');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.parameters.Id).toBe(DI_NODE);
    expect(JSON.parse(updates[0]!.parameters.Spec!)).toEqual({ version: '1.1.0', kind: 'Node', spec: { nodes: [{ id: DI_NODE, script: { content: before.spec.nodes[0]!.script.content } }] } });
    // What the emulator holds afterwards: the same job, byte for byte; only the document's version moved.
    const after = heldSpec(emulator, DI_NODE) as ReturnType<typeof diSpec>;
    expect(after.spec.nodes[0]!.script.content).toBe(before.spec.nodes[0]!.script.content);
    expect(after.version).toBe('1.1.0');

    expect(report.writeProbe).toEqual({
      sent: 'UpdateNode: script.content unchanged',
      outcome: 'changed',
      changes: [{ op: 'replace', path: '/version', value: '1.1.0' }],
      flowSpec: { versionBefore: '2.0.0', versionSent: '1.1.0', versionAfter: '1.1.0', extend: 'kept' },
    });
    expect(report.checks.map((c) => c.operation).slice(-2)).toEqual(['UpdateNode', 'GetNode']);
    expect(report.ok).toBe(true);
    expect(renderDoctorText(report)).toContain('Write probe (UpdateNode: script.content unchanged): changed\n  FlowSpec version:     2.0.0 before, 1.1.0 sent, 1.1.0 after\n  extend in the job:    kept\n  replace /version = "1.1.0"\n');
  });

  it('--write-probe on a node already at dwsync\'s version changes nothing', async () => {
    const { repo, deps } = await setup({ version: '1.1.0' });
    const report = await doctor({ root: repo.dir, projectId: STUDIO, writeProbe: true }, deps);
    expect(report.writeProbe).toEqual({
      sent: 'UpdateNode: script.content unchanged',
      outcome: 'unchanged',
      changes: [],
      flowSpec: { versionBefore: '1.1.0', versionSent: '1.1.0', versionAfter: '1.1.0', extend: 'kept' },
    });
  });

  it('a refused UpdateNode is a failed probe with the service\'s code, and the report is not ok', async () => {
    const { emulator, repo, deps } = await setup();
    emulator.failNext({ kind: 'http', status: 403, code: 'Forbidden.Access', message: 'no write permission' }, { action: 'UpdateNode' });
    const report = await doctor({ root: repo.dir, projectId: STUDIO, writeProbe: true }, deps);
    expect(report.writeProbe).toEqual({ sent: 'UpdateNode: script.content unchanged', outcome: 'failed', changes: [], error: { code: 'Forbidden.Access', message: expect.stringContaining('no write permission') } });
    expect(report.ok).toBe(false);
    expect(emulator.state.calls.filter((c) => c.action === 'GetNode')).toHaveLength(1);
  });

  it('reports a field GetNode\'s model does not document, where it was', async () => {
    const { emulator, repo, deps } = await setup();
    emulator.failNext({ kind: 'undocumented-field', path: 'Node.SpecVersion', value: '2.0.0' }, { action: 'GetNode' });
    const report = await doctor({ root: repo.dir, projectId: STUDIO }, deps);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.operation === 'GetNode')).toMatchObject({ outcome: 'differs', problems: [{ path: 'Node.SpecVersion', kind: 'undocumented', found: 'string' }] });
  });

  it('a workspace configured 2024-05-18 that answers as a legacy one: ListNodes fails, ListFiles answers, 2020-05-18 is suggested', async () => {
    const { emulator, repo, deps } = await setup();
    const legacy = 30000;
    emulator.seedTask({ projectId: legacy, fileId: 1000000, fileName: 'u_pk', fileFolderPath: 'Business Flow/ods/Data Integration' });
    await repo.write('dwsync.yaml', dataStudioConfig([legacy]));
    const report = await doctor({ root: repo.dir, projectId: legacy }, deps);
    expect(report.checks.find((c) => c.operation === 'ListNodes')).toMatchObject({ outcome: 'failed', error: { code: 'Invalid.DataStudio.NotEnabled' } });
    expect(report.api).toMatchObject({ configured: '2024-05-18', suggested: '2020-05-18' });
    expect(report.node).toBeNull();
    expect(report.ok).toBe(false);
    expect(renderDoctorText(report)).toContain(`set workspaces."${legacy}".api in dwsync.yaml to "2020-05-18"`);
  });

  it('--file-id on a 2024-05-18 workspace and --node-id on a 2020-05-18 one are refused before any call', async () => {
    const { emulator, repo, deps } = await setup();
    await expect(doctor({ root: repo.dir, projectId: STUDIO, fileId: 1000000 }, deps)).rejects.toThrow(UserInputError);
    await expect(doctor({ root: repo.dir, projectId: 10000, nodeId: DI_NODE }, deps)).rejects.toThrow(/--node-id names a node of the new Data Studio, and workspace 10000 speaks 2020-05-18/);
    expect(emulator.state.calls).toEqual([]);
  });
});
