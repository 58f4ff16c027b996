import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedNamedTaskReferences, startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import type { Task } from '../../src/core/task/task.js';
import { buildNamedTask, buildNodeTask, buildTask } from '../support/build-task.js';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.js';
import { parseStateText } from '../support/read-state-file.js';
import { dataStudioConfig, namedTaskYaml, nodeTaskYaml, taskYaml } from '../support/task-yaml.js';
import { createTempOrigin, gitIn, pushFromElsewhere, type TempOrigin } from '../support/temp-origin.js';
import { findTokenLeaks } from './run-action.js';
import { useBundledAction } from './use-bundled-action.js';

// The bundled Action on a repository whose dwsync.yaml puts a workspace on the new Data Studio
// (2024-05-18), beside a legacy one: the plan comment of a pull request, then apply on the push of its
// merge. Judged by what the fake GitHub received, what the emulator holds, and the state commit on origin.

const TOKEN = 'ghs_sTuDiOtOkEn0123456789abcdefABCDEF';
const STATE = '.dwsync/state.json';
const PLAN_MARKER = '<!-- dwsync:plan -->';
const CREDS = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator' };
const STUDIO = 20000;
const NODE_ID = '7000000000000000001';

const action = useBundledAction();
const { cleanups } = action;

const byId = buildNodeTask({ projectId: STUDIO, nodeId: NODE_ID, file: 'jobs/studio/users.yaml' });
const named = buildNamedTask({ projectId: STUDIO, name: 'ods_orders', folder: 'Workflow/ods', file: 'jobs/studio/ods_orders.yaml' });
const legacy = buildTask({ fileId: 1000001, file: 'jobs/ods/legacy.yaml' });

function repositoryFiles(tasks: { byId: Task; named: Task; legacy: Task } = { byId, named, legacy }): Record<string, string> {
  return {
    'dwsync.yaml': dataStudioConfig([STUDIO]),
    [tasks.byId.file]: nodeTaskYaml(tasks.byId),
    [tasks.named.file]: namedTaskYaml(tasks.named),
    [tasks.legacy.file]: taskYaml(tasks.legacy),
  };
}

type Setup = { repo: TempOrigin; emulator: Emulator; github: FakeGithub; sha: string };

async function setup(): Promise<Setup> {
  const repo = await createTempOrigin(repositoryFiles());
  cleanups.push(() => repo.cleanup());
  const emulator = await startEmulator({ port: 0, seed: [{ projectId: legacy.projectId, fileId: legacy.fileId! }], newStudio: [STUDIO], nodes: [{ projectId: STUDIO, nodeId: NODE_ID }] });
  seedNamedTaskReferences(emulator.state, [byId, named]);
  cleanups.push(() => emulator.close());
  const github = await startFakeGithub({ owner: 'acme', repo: 'dataworks-jobs' });
  cleanups.push(() => github.close());
  const sha = (await gitIn(repo.clone).revparse(['HEAD'])).trim();
  return { repo, emulator, github, sha };
}

type HeldNode = { projectId: number; id: string; spec: string; updates: number };
async function heldNodes(emulator: Emulator): Promise<HeldNode[]> {
  return (await (await fetch(`${emulator.url}/__emulator/nodes`)).json()) as HeldNode[];
}
const nodeOf = (held: HeldNode) => JSON.parse(held.spec).spec.nodes[0] as { name: string; script: { path: string; content: string }; runtimeResource: unknown };

describe('the Action on a workspace of the new Data Studio', () => {
  it('plan on a pull request: the comment names each node and its API, beside the legacy task', async () => {
    const s = await setup();
    s.github.setPull({ number: 7, headSha: s.sha, state: 'open', mergeCommitSha: null });
    const run = await action.run({ workspace: s.repo.clone, event: 'pull_request', sha: s.sha, token: TOKEN, apiUrl: s.github.url, inputs: { command: 'plan' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(findTokenLeaks(run, TOKEN)).toEqual([]);
    const comments = s.github.comments.filter((c) => c.issue === 7 && c.body.startsWith(PLAN_MARKER));
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body).toContain(`<code>${byId.file}</code> · <code>${byId.key}</code> · update (first apply) · node, 2024-05-18 API</summary>`);
    expect(body).toContain(`<code>${named.file}</code> · <code>${named.key}</code> · create · node, 2024-05-18 API</summary>`);
    expect(body).toContain(`<code>${legacy.file}</code> · <code>${legacy.key}</code> · update (first apply)</summary>`);
    expect(run.outputs).toMatchObject({ changes: '3', 'has-changes': 'true' });
    // A plan reads nothing from DataWorks.
    expect(s.emulator.state.calls).toEqual([]);
  });

  it('apply on the push of the merge: updates the node by id, creates the named one once, commits the state back; the next merge sends only what changed', async () => {
    const s = await setup();
    s.github.setPull({ number: 12, headSha: 'f'.repeat(40), state: 'closed', mergeCommitSha: s.sha });
    const apply = (workspace: string, sha: string) =>
      action.run({ workspace, event: 'push', sha, token: TOKEN, apiUrl: s.github.url, inputs: { command: 'apply' }, env: { DWSYNC_ENDPOINT: s.emulator.url, ...CREDS } });

    const first = await apply(s.repo.clone, s.sha);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(findTokenLeaks(first, TOKEN)).toEqual([]);
    expect(first.outputs).toMatchObject({ failed: '0' });
    expect(first.outputs['apply-summary']).toMatch(/^1 created, 2 applied, 0 failed/);

    // What the emulator holds: the node by id with its task's job and resource group, one node at the
    // named task's path, and no call of the other generation in either workspace.
    const nodes = await heldNodes(s.emulator);
    expect(nodes).toHaveLength(2);
    const held = nodes.find((n) => n.id === NODE_ID)!;
    expect(JSON.parse(nodeOf(held).script.content)).toEqual(byId.taskContent);
    expect(nodeOf(held).runtimeResource).toEqual({ resourceGroup: byId.taskParam['ResourceGroup'], cu: String(byId.taskParam['Cu']) });
    const created = nodes.filter((n) => nodeOf(n).script.path === `${named.folder}/${named.name}`);
    expect(created).toHaveLength(1);
    expect(JSON.parse(nodeOf(created[0]!).script.content)).toEqual(named.taskContent);
    const calls = s.emulator.state.calls;
    expect(calls.filter((c) => c.parameters.ProjectId === String(STUDIO) && c.version === '2020-05-18').map((c) => c.action)).toEqual([]);
    expect(calls.filter((c) => c.parameters.ProjectId === String(legacy.projectId) && c.version === '2024-05-18').map((c) => c.action)).toEqual([]);
    expect(s.emulator.state.tasks.get(legacy.key)!.updates).toBe(1);

    // The state commit on origin: each node task recorded with its node id, as a fresh reader sees it.
    const [head] = (await gitIn(s.repo.origin).log(['main'])).all;
    expect(head?.hash).toBe(first.outputs['state-commit']);
    expect(head?.message).toBe(`dwsync: record the state after applying ${s.sha.slice(0, 12)} [skip ci]`);
    const state = parseStateText(await gitIn(s.repo.origin).show([`main:${STATE}`]));
    expect(state.tasks[byId.key]).toMatchObject({ applied: { taskParam: byId.taskParam }, lastAttempt: { outcome: 'applied' } });
    expect(state.tasks[named.key]).toMatchObject({ nodeId: created[0]!.id, lastAttempt: { outcome: 'applied' } });
    expect(state.tasks[legacy.key]).toMatchObject({ lastAttempt: { outcome: 'applied' } });
    expect(s.github.comments.filter((c) => c.issue === 12)).toHaveLength(1);

    // The next merge edits the job of the node by id: its checkout has the state commit; only that node
    // gets an UpdateNode, carrying only script.content.
    const edited = { ...byId, taskContent: { ...byId.taskContent, setting: { speed: { concurrent: 5 } } } };
    const merge2 = await pushFromElsewhere(s.repo, 'merge2', { [byId.file]: nodeTaskYaml(edited) });
    const clone2 = path.join(s.repo.dir, 'clone2');
    await gitIn(s.repo.dir).clone(s.repo.origin, clone2, ['--branch', 'main']);
    s.github.setPull({ number: 13, headSha: 'e'.repeat(40), state: 'closed', mergeCommitSha: merge2 });
    const mark = s.emulator.state.calls.length;
    const second = await apply(clone2, merge2);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.outputs['apply-summary']).toMatch(/^1 applied, 0 failed, 2 unchanged/);
    const writes = s.emulator.state.calls.slice(mark).filter((c) => ['UpdateNode', 'CreateNode', 'UpdateDISyncTask'].includes(c.action));
    expect(writes.map((c) => [c.action, c.parameters.Id])).toEqual([['UpdateNode', NODE_ID]]);
    expect(JSON.parse(writes[0]!.parameters.Spec!).spec.nodes[0]).toEqual({ id: NODE_ID, script: { content: JSON.stringify(edited.taskContent) } });
    const after = await heldNodes(s.emulator);
    expect(JSON.parse(nodeOf(after.find((n) => n.id === NODE_ID)!).script.content)).toEqual(edited.taskContent);
    expect(after.find((n) => n.id === created[0]!.id)!.updates).toBe(created[0]!.updates);
    const [head2] = (await gitIn(s.repo.origin).log(['main'])).all;
    expect(head2?.message).toBe(`dwsync: record the state after applying ${merge2.slice(0, 12)} [skip ci]`);
    const state2 = parseStateText(await gitIn(s.repo.origin).show([`main:${STATE}`]));
    expect(state2.tasks[byId.key]).toMatchObject({ applied: { taskContent: { setting: { speed: { concurrent: 5 } } } }, lastAttempt: { outcome: 'applied' } });
  });
});
