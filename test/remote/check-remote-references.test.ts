import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRemoteReferences } from '../../src/remote/check-remote-references.js';
import { buildTask } from '../support/build-task.js';
import { taskYaml } from '../support/task-yaml.js';
import { useTempDir } from '../support/temp-dir.js';
import { useEmulatorSession } from './emulator-session.js';

const start = useEmulatorSession();
const tempDir = useTempDir('dwsync-remote-refs-');

// Line and column (1-based) of the first occurrence of `needle`'s value part, found by plain text search.
function positionOf(text: string, needle: string, value: string): { line: number; column: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line: line + 1, column: lines[line]!.indexOf(value) + 1 };
}

describe('checkRemoteReferences', () => {
  it('sends nothing for no tasks', async () => {
    const { emulator, session } = await start({ seed: [{ projectId: 10000, fileId: 1 }] });
    expect(await checkRemoteReferences(await tempDir(), [], session)).toEqual([]);
    expect(emulator.state.calls).toEqual([]);
  });

  it('reports a datasource the workspace lacks as an error and an unlisted group as a warning, where the task file says them', async () => {
    const { session } = await start({
      seed: [{ projectId: 10000, fileId: 9, dataSources: [{ name: 'mysql_pub', type: 'mysql' }] }],
      resourceGroups: ['S_other'],
    });
    const root = await tempDir();
    const task = buildTask({ fileId: 1000001, file: 'jobs/t.yaml' });
    const text = taskYaml(task);
    await mkdir(path.join(root, 'jobs'));
    await writeFile(path.join(root, task.file), text);

    const problems = await checkRemoteReferences(root, [task], session);

    expect(problems).toEqual([
      {
        file: 'jobs/t.yaml',
        ...positionOf(text, 'ResourceGroup: S_res_group_1_1', 'S_res_group_1_1'),
        path: 'taskParam.ResourceGroup',
        message: 'taskParam.ResourceGroup: "S_res_group_1_1" is not among the Data Integration resource groups DataWorks lists',
        severity: 'warning',
      },
      {
        file: 'jobs/t.yaml',
        ...positionOf(text, 'datasource: odps_first', 'odps_first'),
        path: 'taskContent.steps[1].parameter.datasource',
        message: 'taskContent.steps[1].parameter.datasource: datasource "odps_first" does not exist in workspace 10000',
      },
    ].sort((a, b) => a.line - b.line));
  });
});
