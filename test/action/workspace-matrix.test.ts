import { describe, expect, it } from 'vitest';

import { startEmulator } from '../../src/emulator/start-emulator.js';
import { BOT_NAME } from '../../src/git/push-state-commit.js';
import { buildTask } from '../support/build-task.js';
import { startFakeGithub } from '../support/fake-github.js';
import { parseStateText } from '../support/read-state-file.js';
import { taskYaml } from '../support/task-yaml.js';
import { runMain } from '../reliability/bad-input-cli-harness.js';
import { createTempOrigin, gitIn } from '../support/temp-origin.js';
import { useBundledAction } from './use-bundled-action.js';

// A state per workspace (`state` with {projectId}), applied by the Action as a matrix: one job per
// workspace, each with its own state file and lock, both committed back to the branch.

const TOKEN = 'ghs_mAtRiXtOkEn0123456789abcdefABCDEF';
const CREDS = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator' };

const action = useBundledAction();

describe('the Action as a matrix over workspaces', () => {
  it('applies two workspaces in two jobs: two state files, each with its own tasks, both committed', { timeout: 180_000 }, async () => {
    const tasks = [
      buildTask({ projectId: 10000, fileId: 1000001, file: 'jobs/a/t1.yaml' }),
      buildTask({ projectId: 10000, fileId: 1000002, file: 'jobs/a/t2.yaml' }),
      buildTask({ projectId: 20000, fileId: 2000001, file: 'jobs/b/t1.yaml' }),
    ];
    const repo = await createTempOrigin({
      'dwsync.yaml': 'state: .dwsync/state-{projectId}.json\nqps: 0\n',
      ...Object.fromEntries(tasks.map((t) => [t.file, taskYaml(t)])),
    });
    const emulator = await startEmulator({ port: 0, seed: tasks.map(({ projectId, fileId }) => ({ projectId, fileId })) });
    const github = await startFakeGithub({ owner: 'acme', repo: 'dataworks-jobs' });
    try {
      const sha = (await gitIn(repo.clone).revparse(['HEAD'])).trim();
      github.setPull({ number: 12, headSha: 'f'.repeat(40), state: 'closed', mergeCommitSha: sha });

      // The matrix: what `dwsync workspaces --json` lists.
      const listed = await runMain(['workspaces', '--json'], repo.clone);
      expect(listed.code, listed.stderr).toBe(0);
      const workspaces = (JSON.parse(listed.stdout) as { workspaces: Array<{ projectId: number; tasks: number; state: string }> }).workspaces;
      expect(workspaces.map((w) => [w.projectId, w.tasks])).toEqual([[10000, 2], [20000, 1]]);
      expect(workspaces[0]!.state).toMatch(/\.dwsync\/state-10000\.json$/);

      // Each job starts from the merge commit, as a fresh checkout would, not from the other job's commit.
      for (const { projectId } of workspaces) {
        await gitIn(repo.clone).reset(['--hard', sha]);
        const run = await action.run({
          workspace: repo.clone,
          event: 'push',
          sha,
          token: TOKEN,
          apiUrl: github.url,
          inputs: { command: 'apply', workspace: String(projectId) },
          env: { DWSYNC_ENDPOINT: emulator.url, ...CREDS },
        });
        expect(run.code, run.stdout).toBe(0);
        expect(run.outputs.applied).toBe(String(tasks.filter((t) => t.projectId === projectId).length));
      }

      // Every task updated once, by the job of its workspace.
      const updates = emulator.state.calls.filter((c) => c.action === 'UpdateDISyncTask' && c.status === 200);
      expect(updates.map((c) => c.parameters.FileId).sort()).toEqual(['1000001', '1000002', '2000001']);

      // Two state commits on origin, one per workspace, each file holding only its workspace's tasks.
      const log = (await gitIn(repo.origin).log(['main'])).all;
      expect(log.slice(0, 2).map((c) => c.author_name)).toEqual([BOT_NAME, BOT_NAME]);
      const show = async (file: string) => parseStateText(await gitIn(repo.origin).show([`main:${file}`]));
      expect(Object.keys((await show('.dwsync/state-10000.json')).tasks)).toEqual(['10000/1000001', '10000/1000002']);
      expect(Object.keys((await show('.dwsync/state-20000.json')).tasks)).toEqual(['20000/2000001']);
      const files = (await gitIn(repo.origin).raw(['ls-tree', '--name-only', 'main', '.dwsync/'])).trim().split('\n');
      expect(files).toEqual(['.dwsync/state-10000.json', '.dwsync/state-20000.json']);

      // Pulled, the repository plans clean in both workspaces, one lock each left released.
      await gitIn(repo.clone).fetch(['origin', 'main']);
      await gitIn(repo.clone).reset(['--hard', 'origin/main']);
      const plan = await runMain(['plan', '--detailed-exitcode', '--endpoint', emulator.url], repo.clone);
      expect(plan.code, plan.stderr + plan.stdout).toBe(0);
      const one = await runMain(['plan', '--json', '--workspace', '20000', '--endpoint', emulator.url], repo.clone);
      expect((JSON.parse(one.stdout) as { summary: unknown }).summary).toEqual({ create: 0, update: 0, unchanged: 1, orphaned: 0 });
    } finally {
      await github.close();
      await emulator.close();
      await repo.cleanup();
    }
  });
});
