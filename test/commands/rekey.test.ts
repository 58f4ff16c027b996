import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import type { CommandDeps } from '../../src/commands/command-options.js';
import { preparePlan } from '../../src/commands/plan.js';
import { rekey } from '../../src/commands/rekey.js';
import { importedRecord } from '../../src/core/import/imported-record.js';
import { desiredConfig } from '../../src/core/plan/desired-config.js';
import { formatState } from '../../src/core/state/format-state.js';
import type { DataWorks, NodeSummary } from '../../src/ports.js';
import { silentLogger } from '../../src/ports.js';
import { systemClock } from '../../src/system-clock.js';
import { buildTask } from '../support/build-task.js';
import { readStateFile } from '../support/read-state-file.js';
import { aState, SALT } from '../support/state-builders.js';
import { dataStudioConfig, taskYaml } from '../support/task-yaml.js';
import { createTempRepo } from '../support/temp-repo.js';

const P = 10000;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

// A fake of the port's one call rekey makes: ListNodes (the emulator's 2024 side is tested elsewhere).
function fakeDeps(nodes: NodeSummary[]): CommandDeps {
  const dataWorks = { listNodes: async () => ({ requestId: 'r', totalCount: nodes.length, nodes }) } as unknown as DataWorks;
  return { clock: systemClock, logger: silentLogger, env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'x', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'y' }, createDataWorks: () => dataWorks };
}
const di = (nodeId: string, name: string, folder = 'ods'): NodeSummary => ({ nodeId, name, path: `${folder}/${name}`, command: 'DI', outputs: [] });
const header = (fileId: number, where: string) => `# Imported by dwsync from DataWorks project ${P}, file ${fileId}: ${where}\n# at 2026-01-01T00:00:00Z.\n`;

async function setup(config = dataStudioConfig([P])) {
  const orders = buildTask({ fileId: 41 });
  const users = buildTask({ fileId: 42 });
  const record = importedRecord({ file: 'jobs/orders.yaml', desired: desiredConfig(orders, SALT), at: '2026-01-01T00:00:00Z', requestId: 'req-import' });
  const repo = await createTempRepo({
    'dwsync.yaml': config,
    'jobs/orders.yaml': header(41, 'ods/orders') + taskYaml(orders),
    'jobs/users.yaml': taskYaml(users), // no header: its legacy name is unknown
    '.dwsync/state.json': formatState(aState({ [`${P}/41`]: record })),
  });
  cleanups.push(() => repo.remove());
  return { repo, record, state: path.join(repo.dir, '.dwsync/state.json') };
}

describe('rekey', () => {
  it('moves the task file and its record with the whole history; a plan then shows it unchanged', async () => {
    const { repo, record, state } = await setup();
    const deps = fakeDeps([di('7000000000000000001', 'orders'), di('7000000000000000002', 'users')]);
    const report = await rekey({ root: repo.dir, projectId: P }, deps);
    expect(report.rekeyed).toEqual([{ file: 'jobs/orders.yaml', fileId: 41, nodeId: '7000000000000000001', by: 'name', recordMoved: true }]);
    expect(report.unmatched.map((u) => u.fileId)).toEqual([42]);
    const text = await readFile(path.join(repo.dir, 'jobs/orders.yaml'), 'utf8');
    expect(text).toContain('nodeId: "7000000000000000001"\n');
    expect(text).not.toMatch(/^fileId:/m);
    expect(text.startsWith(header(41, 'ods/orders'))).toBe(true);
    const after = await readStateFile(state);
    expect(after.tasks[`${P}/41`]).toBeUndefined();
    expect(after.tasks[`${P}/7000000000000000001`]).toEqual(record);
    // users.yaml still names a file, which a 2024-05-18 workspace refuses: plan only orders.yaml.
    const { planned } = await preparePlan({ root: repo.dir, only: ['jobs/orders.yaml'] }, deps);
    expect(planned.map((t) => [t.task?.key, t.action])).toEqual([[`${P}/7000000000000000001`, 'unchanged']]);
  });

  it('with --map, pairs a task whose legacy name is unknown', async () => {
    const { repo } = await setup();
    await repo.write('map.yaml', '42: "7000000000000000002"\n');
    const report = await rekey({ root: repo.dir, projectId: P, mapFile: 'map.yaml' }, fakeDeps([di('7000000000000000001', 'orders'), di('7000000000000000002', 'users')]));
    expect(report.rekeyed.map((t) => [t.fileId, t.nodeId, t.by, t.recordMoved])).toEqual([[41, '7000000000000000001', 'name', true], [42, '7000000000000000002', 'map', false]]);
    expect(await readFile(path.join(repo.dir, 'jobs/users.yaml'), 'utf8')).toContain('nodeId: "7000000000000000002"');
  });

  it('reports ambiguous names and writes nothing on --dry-run', async () => {
    const { repo, state } = await setup();
    const before = await readFile(state, 'utf8');
    const report = await rekey({ root: repo.dir, projectId: P, dryRun: true }, fakeDeps([di('7000000000000000001', 'orders', 'a'), di('7000000000000000003', 'orders', 'b')]));
    expect(report.ambiguous).toEqual([{ file: 'jobs/orders.yaml', fileId: 41, nodeIds: ['7000000000000000001', '7000000000000000003'] }]);
    const dry = await rekey({ root: repo.dir, projectId: P, dryRun: true }, fakeDeps([di('7000000000000000001', 'orders')]));
    expect(dry.rekeyed).toHaveLength(1);
    expect(await readFile(state, 'utf8')).toBe(before);
    expect(await readFile(path.join(repo.dir, 'jobs/orders.yaml'), 'utf8')).toMatch(/^fileId: 41$/m);
  });

  it('refuses a workspace that dwsync.yaml does not put on 2024-05-18', async () => {
    const { repo } = await setup('jobs: jobs\n');
    await expect(rekey({ root: repo.dir, projectId: P }, fakeDeps([]))).rejects.toThrow(`set workspaces."${P}".api to "2024-05-18" in dwsync.yaml first`);
  });
});
