import { afterEach, describe, expect, it } from 'vitest';
import { parseTaskFile } from '../../../src/core/task/parse-task-file.js';
import { seedFromTasks, seedNamedTaskReferences, startEmulator, type Emulator } from '../../../src/emulator/start-emulator.js';
import { callWithSdk } from '../call-with-sdk.js';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

// The repository's own example task files, as `dwsync emulator --seed jobs` reads them.
function exampleTasks() {
  const dir = path.resolve('jobs');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f));
  return files.flatMap((f) => parseTaskFile(readFileSync(path.join(dir, f), 'utf8'), `jobs/${f}`).tasks);
}

describe('ListDataSources and ListResourceGroups from the seed', () => {
  it('every data source a seeded task names exists in its workspace, and every seeded group exists', async () => {
    const tasks = exampleTasks();
    expect(tasks.length).toBeGreaterThan(0);
    emulator = await startEmulator({ seed: seedFromTasks(tasks) });
    seedNamedTaskReferences(emulator.state, tasks); // the example node's workspace and references
    const groups = await callWithSdk(emulator.url, 'ListResourceGroups', { ResourceGroupType: 4 });
    const identifiers = (groups.body.Data as Array<{ Identifier: string }>).map((g) => g.Identifier);
    for (const task of tasks) {
      expect(identifiers).toContain(task.taskParam.ResourceGroup);
      const listed = await callWithSdk(emulator.url, 'ListDataSources', { ProjectId: task.projectId, PageSize: 100 });
      const names = (listed.body.Data as { DataSources: Array<{ Name: string }> }).DataSources.map((d) => d.Name);
      const steps = task.taskContent.steps as Array<{ parameter: { datasource?: string } }>;
      for (const step of steps) if (step.parameter.datasource) expect(names).toContain(step.parameter.datasource);
    }
  });

  it('pages data sources as the model says (PageSize default 10) and lists DI groups only for type 4', async () => {
    emulator = await startEmulator({ seed: [{ projectId: 10000, fileId: 1 }] });
    const sources = Array.from({ length: 12 }, (_, i) => ({ name: `ds_${i}`, type: 'mysql' }));
    const put = await fetch(`${emulator.url}/__emulator/data-sources/10000`, { method: 'PUT', body: JSON.stringify(sources) });
    expect(put.status).toBe(200);
    const first = await callWithSdk(emulator.url, 'ListDataSources', { ProjectId: 10000, EnvType: 1 });
    expect(first.body.Data).toMatchObject({ PageNumber: 1, PageSize: 10, TotalCount: 12 });
    const second = await callWithSdk(emulator.url, 'ListDataSources', { ProjectId: 10000, EnvType: 1, PageNumber: 2 });
    expect((second.body.Data as { DataSources: unknown[] }).DataSources).toHaveLength(2);
    await fetch(`${emulator.url}/__emulator/resource-groups`, { method: 'PUT', body: JSON.stringify(['S_a', 'S_b']) });
    const di = await callWithSdk(emulator.url, 'ListResourceGroups', { ResourceGroupType: 4 });
    expect((di.body.Data as Array<{ Identifier: string }>).map((g) => g.Identifier)).toEqual(['S_a', 'S_b']);
    const scheduling = await callWithSdk(emulator.url, 'ListResourceGroups', {});
    expect(scheduling.body.Data).toEqual([]);
  });
});
