import { afterEach, describe, expect, it } from 'vitest';
import { doctor, type DoctorDeps } from '../../src/commands/doctor.js';
import { renderDoctorText } from '../../src/views/render-doctor-text.js';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import { doctorDeps } from '../support/doctor-deps.js';
import { createTempRepo, type TempRepo } from '../support/temp-repo.js';

const SECRET = 'Doctor-Secret-Value-7731';
const PASSWORD = 'db-password-4410';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(): Promise<{ emulator: Emulator; repo: TempRepo; deps: DoctorDeps }> {
  const emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1000000, fileName: 'u_pk', fileFolderPath: 'Business Flow/ods/Data Integration' }], credentials: { doctor: SECRET } });
  const repo = await createTempRepo({});
  cleanups.push(() => emulator.close(), () => repo.remove());
  const content = { type: 'job', version: '2.0', steps: [{ stepType: 'mysql', category: 'reader', name: 'Reader', parameter: { password: PASSWORD } }] };
  emulator.editTask({ projectId: 10000, fileId: 1000000 }, { taskContent: JSON.stringify(content), taskParam: '{"ResourceGroup":"S_res_group_1"}' });
  const deps = doctorDeps(emulator.url, 'doctor', SECRET);
  return { emulator, repo, deps };
}

describe('doctor', () => {
  it('against the emulator: every answer as documented, the content described by key, the group found in extend', async () => {
    const { repo, deps } = await setup();
    const report = await doctor({ root: repo.dir, projectId: 10000 }, deps);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => [c.operation, c.outcome])).toEqual([
      ['GetProject', 'as-documented'],
      ['ListDataSources', 'as-documented'],
      ['ListResourceGroups', 'as-documented'],
      ['ListFiles', 'as-documented'],
      ['GetFile', 'as-documented'],
    ]);
    expect(report.content).toEqual({
      fileId: 1000000,
      fileName: 'u_pk',
      folderPath: 'Business Flow/ods/Data Integration',
      authorKeys: ['type', 'version', 'steps'],
      serviceManagedKeys: ['extend'],
      extendKeys: ['resourceGroup'],
      diResourceGroup: { value: 'S_res_group_1', foundIn: 'Content.extend.resourceGroup' },
    });
    expect(report.writeProbe).toBeNull();
    // Nothing secret in either output: no credential, no content value.
    for (const text of [JSON.stringify(report), renderDoctorText(report)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(PASSWORD);
    }
  });

  it('reports a field the model does not document, where it was', async () => {
    const { emulator, repo, deps } = await setup();
    emulator.failNext({ kind: 'undocumented-field', path: 'Data.File.ResourceGroupIdentifier', value: 'S_x' }, { action: 'GetFile' });
    const report = await doctor({ root: repo.dir, projectId: 10000 }, deps);
    expect(report.ok).toBe(false);
    const getFile = report.checks.find((c) => c.operation === 'GetFile')!;
    expect(getFile).toMatchObject({ outcome: 'differs', problems: [{ path: 'Data.File.ResourceGroupIdentifier', kind: 'undocumented', found: 'string' }] });
    expect(renderDoctorText(report)).toContain('Data.File.ResourceGroupIdentifier: not in the operation\'s model');
  });

  it('--write-probe sends the content back unchanged, TaskContent only, and shows what the service changed', async () => {
    const { emulator, repo, deps } = await setup();
    const report = await doctor({ root: repo.dir, projectId: 10000, fileId: 1000000, writeProbe: true }, deps);
    expect(report.writeProbe).toEqual({ sent: 'TaskContent unchanged, no TaskParam', outcome: 'unchanged', changes: [] });
    const update = emulator.state.calls.find((c) => c.action === 'UpdateDISyncTask')!;
    expect(Object.keys(update.parameters).sort()).toEqual(['FileId', 'ProjectId', 'TaskContent', 'TaskType']);
    expect(report.ok).toBe(true);
  });

  it('never writes without --write-probe', async () => {
    const { emulator, repo, deps } = await setup();
    await doctor({ root: repo.dir, projectId: 10000, fileId: 1000000 }, deps);
    expect(emulator.state.calls.map((c) => c.action)).toEqual(['GetProject', 'ListDataSources', 'ListResourceGroups', 'ListFiles', 'ListNodes', 'GetFile']);
  });

  it('a call the credentials may not make (here ListResourceGroups) is a failed check that names its code, and the rest still go out', async () => {
    const { emulator, repo, deps } = await setup();
    emulator.failNext({ kind: 'http', status: 403, code: 'Forbidden.RAM' }, { action: 'ListResourceGroups' });
    const report = await doctor({ root: repo.dir, projectId: 10000 }, deps);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.operation === 'ListResourceGroups')).toMatchObject({ outcome: 'failed', error: { code: 'Forbidden.RAM' } });
    expect(emulator.state.calls.map((c) => c.action)).toEqual(['GetProject', 'ListDataSources', 'ListResourceGroups', 'ListFiles', 'ListNodes', 'GetFile']);
  });
});
