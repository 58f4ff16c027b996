import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTask } from '../support/build-task.js';
import { taskYaml } from '../support/task-yaml.js';
import { useCliSession } from './cli-session.js';

// `dwsync workspaces` in-process: the workspaces the task files use, for a CI matrix, without calling
// DataWorks.

const session = useCliSession();

async function twoWorkspaces() {
  const s = await session();
  await s.repo.write('jobs/dw/w.yaml', taskYaml(buildTask({ projectId: 20000, fileId: 3000001 })));
  return s;
}

describe('dwsync workspaces (CLI)', () => {
  it('prints one line per workspace: its id, its task count and its state file', async () => {
    const s = await twoWorkspaces();
    const run = await s.dwsync(['workspaces'], { endpoint: false });
    const state = path.join(s.repo.dir, '.dwsync', 'state.json');
    expect([run.code, run.stdout]).toEqual([0, `10000\t2 task(s)\t${state}\n20000\t1 task(s)\t${state}\n`]);
    expect(s.emulator.state.calls).toEqual([]);
  });

  it('prints one JSON document under --json, with each workspace its own state file when the path holds {projectId}', async () => {
    const s = await twoWorkspaces();
    const run = await s.dwsync(['workspaces', '--json', '--state', '.dwsync/{projectId}.json'], { endpoint: false });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      formatVersion: 1,
      perWorkspaceState: true,
      workspaces: [
        { projectId: 10000, tasks: 2, state: path.join(s.repo.dir, '.dwsync', '10000.json') },
        { projectId: 20000, tasks: 1, state: path.join(s.repo.dir, '.dwsync', '20000.json') },
      ],
    });
  });
});
