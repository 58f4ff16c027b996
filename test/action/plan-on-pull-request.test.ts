import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanReport } from '../../src/core/plan/report.js';
import { startEmulator } from '../../src/emulator/start-emulator.js';
import { buildTask } from '../support/build-task.js';
import { startFakeGithub } from '../support/fake-github.js';
import type { FakeGithub, FakeGithubOptions } from '../support/fake-github.js';
import { taskYaml } from '../support/task-yaml.js';
import { makeTempDir } from '../support/temp-dir.js';
import { gitIn, writeFiles } from '../support/temp-origin.js';
import { findTokenLeaks } from './run-action.js';
import type { ActionRun, RunOptions } from './run-action.js';
import { useBundledAction } from './use-bundled-action.js';

const TOKEN = 'ghs_pLaNtOkEn0123456789abcdefABCDEF';
const SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
const NEWER = '1111111111111111111111111111111111111111';
const MARKER = '<!-- dwsync:plan -->';
const BOT = 'github-actions[bot]';
const RUN_URL = 'https://github.test/acme/dataworks-jobs/actions/runs/4242';

const action = useBundledAction();
const { cleanups } = action;
let github: FakeGithub;

async function workspace(files: Record<string, string>): Promise<string> {
  const { dir, remove } = await makeTempDir('dwsync-ws-');
  cleanups.push(remove);
  await writeFiles(dir, files);
  return dir;
}

async function startGithub(options: Partial<FakeGithubOptions> = {}): Promise<FakeGithub> {
  github = await startFakeGithub({ owner: 'acme', repo: 'dataworks-jobs', pageSize: 2, ...options });
  github.setPull({ number: 7, headSha: SHA, state: 'open', mergeCommitSha: null });
  cleanups.push(() => github.close());
  return github;
}

function plan(dir: string, inputs: Record<string, string> = {}, more: Partial<RunOptions> = {}): Promise<ActionRun> {
  return action.run({ workspace: dir, event: 'pull_request', sha: SHA, token: TOKEN, apiUrl: github.url, inputs: { command: 'plan', ...inputs }, ...more });
}

function expectNoLeak(run: ActionRun) {
  expect(findTokenLeaks(run, TOKEN)).toEqual([]);
}

function ours(): FakeGithub['comments'] {
  return github.comments.filter((c) => c.body.startsWith(MARKER) && c.user.login === BOT);
}

function errorAnnotations(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error'));
}

describe('the Action, plan on a pull request', () => {
  it('writes the summary, the outputs and the plan JSON, and keeps one comment naming commit, run and digest', async () => {
    await startGithub();
    github.seedComment(7, 'LGTM, but wait for the plan');
    const a = buildTask({ fileId: 1000001, file: 'jobs/ods/a.yaml' });
    const b = buildTask({ fileId: 1000002, file: 'jobs/ods/b.yaml' });
    const dir = await workspace({ [a.file]: taskYaml(a), [b.file]: taskYaml(b) });

    const first = await plan(dir);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expectNoLeak(first);
    expect(first.stdout).toContain('::add-mask::' + TOKEN);
    expect(first.summary).toContain('| create | update | delete | unchanged | orphaned |\n|---:|---:|---:|---:|---:|\n| 0 | 2 | 0 | 0 | 0 |');
    expect(first.summary).toContain('<details><summary><code>jobs/ods/a.yaml</code> · <code>10000/1000001</code> · update (first apply)</summary>');
    expect(first.summary).toContain('+ taskParam.ResourceGroup: "S_res_group_1_1"');
    expect(first.summary).toContain('"(sensitive)"');
    expect(first.summary).not.toContain('hunter2');
    expect(first.outputs).toMatchObject({ changes: '2', 'has-changes': 'true' });
    const digest = first.outputs['plan-digest']!;
    expect(digest).toMatch(/^[0-9a-f]{12}$/);
    expect(first.outputs['plan-json']?.startsWith(first.runnerTemp)).toBe(true);
    const planJson = JSON.parse(await readFile(first.outputs['plan-json']!, 'utf8')) as PlanReport;
    expect(planJson.summary).toEqual({ create: 0, update: 2, unchanged: 0, orphaned: 0 });
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(github.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);
    // The head is read through the API before the comment is written.
    expect(github.requests.some((r) => r.method === 'GET' && r.path === '/repos/acme/dataworks-jobs/pulls/7')).toBe(true);
    const created = ours();
    expect(created).toHaveLength(1);
    const status = `✅ **Plan ready** for commit <code>${SHA.slice(0, 12)}</code> · plan digest <code>${digest}</code> · [run](${RUN_URL})`;
    expect(created[0]?.body).toContain(status);
    expect(first.summary).toContain(status);
    expect(first.outputs['comment-url']).toBe(created[0]?.html_url);

    // A second push edits one task: the same comment is edited, showing old → new values.
    await writeFiles(dir, { [a.file]: taskYaml({ ...a, taskParam: { ResourceGroup: 'S_res_group_9_9', Cu: 4 } }) });
    github.setPull({ number: 7, headSha: NEWER, state: 'open', mergeCommitSha: null });
    const second = await plan(dir, {}, { sha: NEWER });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expectNoLeak(second);
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.id).toBe(created[0]?.id);
    expect(ours()[0]?.body).toContain('+ taskParam.ResourceGroup: "S_res_group_9_9"');
    expect(ours()[0]?.body).toContain(`for commit <code>${NEWER.slice(0, 12)}</code>`);
    expect(github.comments).toHaveLength(2);
  });

  it('does not overwrite the comment from a run whose commit is no longer the head', async () => {
    await startGithub();
    const newer = github.seedComment(7, `${MARKER}\nthe plan of the newer commit`, BOT);
    github.setPull({ number: 7, headSha: NEWER, state: 'open', mergeCommitSha: null });
    const a = buildTask({ fileId: 1000001, file: 'jobs/a.yaml' });
    const run = await plan(await workspace({ [a.file]: taskYaml(a) }));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(github.comments).toHaveLength(1);
    expect(newer.body).toBe(`${MARKER}\nthe plan of the newer commit`);
    expect(github.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(run.stdout).toMatch(/^::warning::⏭️ Outdated: commit 6dcb09b5b578 is no longer the head of #7 \(now 111111111111\)/m);
    expect(run.summary).toContain('⏭️ **Outdated:**');
  });

  it('adopts only a comment written by its own identity, never one that merely carries the marker', async () => {
    await startGithub();
    const planted = github.seedComment(7, `${MARKER}\n✅ all good, merge away`, 'mallory');
    const a = buildTask({ fileId: 1000001, file: 'jobs/a.yaml' });
    const run = await plan(await workspace({ [a.file]: taskYaml(a) }));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(planted.body).toBe(`${MARKER}\n✅ all good, merge away`);
    expect(ours()).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('with a personal token, adopts the comment of the login GET /user names', async () => {
    const personal = 'ghp_pErSoNaL0123456789abcdefABCDEF';
    await startGithub({ users: { [personal]: 'dwsync-release' } });
    const mine = github.seedComment(7, `${MARKER}\nold plan`, 'dwsync-release');
    github.seedComment(7, `${MARKER}\nold plan by the workflow token`, BOT);
    const a = buildTask({ fileId: 1000001, file: 'jobs/a.yaml' });
    const run = await action.run({ workspace: await workspace({ [a.file]: taskYaml(a) }), event: 'pull_request', sha: SHA, token: personal, apiUrl: github.url, inputs: { command: 'plan' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(github.requests.some((r) => r.path === '/user')).toBe(true);
    expect(mine.body).toContain('**Plan ready**');
    expect(github.comments.filter((c) => c.body.includes('**Plan ready**'))).toEqual([mine]);
  });

  it('with a GitHub App token, adopts the comment of the login the comment-author input names', async () => {
    const app = 'ghs_aPpInStAlLaTiOn0123456789abcdefAB';
    await startGithub({ apps: { [app]: 'dwsync-app[bot]' } });
    const a = buildTask({ fileId: 1000001, file: 'jobs/a.yaml' });
    const dir = await workspace({ [a.file]: taskYaml(a) });
    const options = { workspace: dir, event: 'pull_request' as const, sha: SHA, token: app, apiUrl: github.url };
    for (let i = 0; i < 2; i++) {
      const run = await action.run({ ...options, inputs: { command: 'plan', 'comment-author': 'dwsync-app[bot]' } });
      expect(run.code, run.stdout + run.stderr).toBe(0);
    }
    expect(github.comments.map((c) => c.user.login)).toEqual(['dwsync-app[bot]']);
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(github.requests.some((r) => r.path === '/user')).toBe(false);
  });

  it('says so in the same comment when a later push has no changes', async () => {
    await startGithub();
    const a = buildTask({ fileId: 1000001, file: 'jobs/a.yaml' });
    const dir = await workspace({ [a.file]: taskYaml(a) });
    expect((await plan(dir)).code).toBe(0);
    // The pull request drops its task file again: nothing is left to change.
    await rm(path.join(dir, a.file));
    const later = await plan(dir);
    expect(later.code, later.stdout + later.stderr).toBe(0);
    expect(later.outputs).toMatchObject({ changes: '0', 'has-changes': 'false' });
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toContain('**No changes.**');
    expect(github.comments[0]?.body).not.toContain('<details>');
  });

  it('truncates a long plan under the comment limit, pointing at the job summary', async () => {
    await startGithub();
    const columns = Array.from({ length: 80 }, (_, i) => `a_rather_long_column_name_number_${i}`);
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) {
      const task = buildTask({ fileId: 2000000 + i, file: `jobs/t${String(i).padStart(2, '0')}.yaml` });
      const steps = task.taskContent.steps as Array<{ parameter: Record<string, unknown> }>;
      steps[0]!.parameter.column = columns;
      files[task.file] = taskYaml(task);
    }
    const run = await plan(await workspace(files));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const body = github.comments[0]?.body ?? '';
    expect(body.length).toBeGreaterThan(30_000);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/\d+ more sections are not shown: a comment is limited to 65,536 characters\. See the \[job summary\]\(https:\/\/github\.test\/acme\/dataworks-jobs\/actions\/runs\/4242\)/);
    expect(body).toContain('<code>10000/2000000</code>');
    expect(body).not.toContain('<code>10000/2000059</code>');
    // The summary, with its larger limit, holds every task.
    expect(run.summary).toContain('<code>10000/2000059</code>');
  });

  it('budgets the job summary in bytes: a CJK plan stays within 1 MiB', async () => {
    await startGithub();
    // 400 tasks whose columns are CJK: about 3 bytes a character, so a character budget would let
    // the summary grow far past the byte limit GitHub enforces.
    const columns = Array.from({ length: 60 }, (_, i) => `客户订单明细表字段编号${i}号数据集成同步`);
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) {
      const task = buildTask({ fileId: 3000000 + i, file: `jobs/t${String(i).padStart(3, '0')}.yaml` });
      (task.taskContent.steps as Array<{ parameter: Record<string, unknown> }>)[0]!.parameter.column = columns;
      files[task.file] = taskYaml(task);
    }
    const run = await plan(await workspace(files), { comment: 'false' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(Buffer.byteLength(run.summary)).toBeGreaterThan(900 * 1024);
    expect(run.summary).toMatch(/\d+ more sections are not shown here \(the job summary is limited to 1 MiB\)/);
    expect(run.summary).not.toContain('\uFFFD');
  });

  it('turns invalid task files into annotations on their lines, rewrites the comment as failed, and fails the step', async () => {
    await startGithub();
    github.seedComment(7, `${MARKER}\n✅ **Plan ready** from an earlier push`, BOT);
    const good = buildTask({ fileId: 1000001, file: 'jobs/good.yaml' });
    const bad = [
      'projectId: 10000',
      'fileId: 1000009',
      'taskParam:',
      '  ResourceGroup: S_res_group_1_1',
      '  Cu: 0.3',
      'taskContent:',
      '  type: job',
      '  version: "2.0"',
      '  steps:',
      '    - {stepType: mysql, category: reader, name: Reader, parameter: {datasource: m, table: [t], column: [id]}}',
      '    - {stepType: odps, category: writer, name: Writer, parameter: {datasource: o, table: t}}',
      '  setting: {speed: {concurrent: 2}}',
      '  order: {hops: [{from: Reader, to: Writer}]}',
      '',
    ].join('\n');
    const dir = await workspace({ [`infra/${good.file}`]: taskYaml(good), 'infra/jobs/bad.yaml': bad });
    github.seedComment(7, `<!-- dwsync:plan:infra -->\n✅ **Plan ready** from an earlier push`, BOT);
    const run = await plan(dir, { 'working-directory': 'infra' });
    expect(run.code).toBe(1);
    expectNoLeak(run);
    expect(run.stdout).toMatch(/^::error title=dwsync%3A taskParam\.Cu,file=infra\/jobs\/bad\.yaml,line=5,col=\d+::.*Cu/m);
    expect(run.stdout).toMatch(/^::error::.*problem/m);
    expect(run.summary).toContain('❌ **Plan failed**');
    expect(run.summary).toContain('<code>jobs/bad.yaml:5:');
    expect(run.outputs['plan-json']).toBeUndefined();
    // The comment for this working directory shows the failure instead of the stale plan.
    const infra = github.comments.find((c) => c.body.startsWith('<!-- dwsync:plan:infra -->'));
    expect(infra?.body).toContain('❌ **Plan failed**');
    expect(infra?.body).toContain('**Reason:**');
    expect(infra?.body).toContain('<code>jobs/bad.yaml:5:');
    expect(infra?.body).not.toContain('Plan ready');
  });

  it('caps error annotations at GitHub\'s 10 per step, the last pointing at the summary, which lists every problem', async () => {
    await startGithub();
    const files: Record<string, string> = {};
    for (let i = 0; i < 14; i++) {
      const t = buildTask({ fileId: 4000000 + i, file: `jobs/bad${String(i).padStart(2, '0')}.yaml` });
      files[t.file] = taskYaml({ ...t, taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 0.3 } });
    }
    const run = await plan(await workspace(files));
    expect(run.code).toBe(1);
    const errors = errorAnnotations(run);
    expect(errors).toHaveLength(10);
    expect(errors.filter((e) => e.includes('file=jobs/bad'))).toHaveLength(8);
    expect(errors[8]).toMatch(/^::error title=dwsync%3A more problems in the job summary::6 more problems are not annotated .*the job summary lists all 14/);
    for (let i = 0; i < 14; i++) expect(run.summary).toContain(`<code>jobs/bad${String(i).padStart(2, '0')}.yaml:`);
  });

  describe('a failure other than invalid files rewrites the comment with the reason', () => {
    async function failing(env: Record<string, string>, inputs: Record<string, string>, files?: Record<string, string>) {
      await startGithub();
      const stale = github.seedComment(7, `${MARKER}\n✅ **Plan ready**: nothing to worry about`, BOT);
      const a = buildTask({ fileId: 1000001, file: 'jobs/a.yaml' });
      const run = await plan(await workspace(files ?? { [a.file]: taskYaml(a) }), inputs, { env });
      expect(run.code).toBe(1);
      expect(stale.body).toContain('❌ **Plan failed**');
      expect(stale.body).not.toContain('nothing to worry about');
      expect(run.summary).toContain('❌ **Plan failed**');
      return { run, body: stale.body };
    }

    it('missing credentials', async () => {
      const emulator = await startEmulator({ port: 0 });
      cleanups.push(() => emulator.close());
      const { run, body } = await failing({ DWSYNC_ENDPOINT: emulator.url }, { refresh: 'true' });
      expect(body).toContain('**Reason:** no Alibaba Cloud credentials found');
      expect(run.summary).toContain('**Reason:** no Alibaba Cloud credentials found');
    });

    it('the network', async () => {
      const creds = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator' };
      const { body } = await failing({ DWSYNC_ENDPOINT: 'http://127.0.0.1:9', ...creds }, { refresh: 'true' });
      expect(body).toMatch(/\*\*Reason:\*\* .*(ECONNREFUSED|connect)/);
    }, 60_000);

    it('an unreadable state file', async () => {
      const a = buildTask({ fileId: 1000001, file: 'jobs/a.yaml' });
      const { body } = await failing({}, {}, { [a.file]: taskYaml(a), '.dwsync/state.json': '{"formatVersion": 1, "serial": ' });
      expect(body).toMatch(/\*\*Reason:\*\* state file .*state\.json is truncated/);
    });
  });

  it('still plans when the token cannot comment (a pull request from a fork)', async () => {
    await startGithub({ readOnly: true });
    const a = buildTask({ fileId: 1000001, file: 'jobs/a.yaml' });
    const run = await plan(await workspace({ [a.file]: taskYaml(a) }));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^::warning::could not write the plan comment: Resource not accessible by integration/m);
    expect(run.summary).toContain('<code>10000/1000001</code>');
    expectNoLeak(run);
  });

  describe('under pull_request_target', () => {
    async function gitWorkspace(files: Record<string, string>): Promise<{ dir: string; head: string }> {
      const dir = await workspace(files);
      await gitIn(dir).init(['--initial-branch=main']).add('.').commit('base');
      return { dir, head: (await gitIn(dir).revparse(['HEAD'])).trim() };
    }

    it('warns that it plans the base branch unless the head is checked out', async () => {
      await startGithub();
      const a = buildTask({ fileId: 1000001, file: 'jobs/a.yaml' });
      const { dir, head } = await gitWorkspace({ [a.file]: taskYaml(a) });
      const base = await plan(dir, {}, { event: 'pull_request_target' });
      expect(base.code, base.stdout).toBe(0);
      expect(base.stdout).toMatch(/^::warning::pull_request_target: the checked-out commit \w+ is not the pull request's head 6dcb09b5b578: this plans the base branch/m);
      github.setPull({ number: 7, headSha: head, state: 'open', mergeCommitSha: null });
      const checkedOut = await plan(dir, {}, { event: 'pull_request_target', sha: head });
      expect(checkedOut.code, checkedOut.stdout).toBe(0);
      expect(checkedOut.stdout).not.toContain('this plans the base branch');
    });

    it('refuses refresh from a fork whose dwsync.yaml names its own endpoint, before any call', async () => {
      await startGithub();
      const emulator = await startEmulator({ port: 0 });
      cleanups.push(() => emulator.close());
      const a = buildTask({ fileId: 1000001, file: 'jobs/a.yaml' });
      const { dir, head } = await gitWorkspace({ [a.file]: taskYaml(a), 'dwsync.yaml': `endpoint: ${emulator.url}\n` });
      github.setPull({ number: 7, headSha: head, state: 'open', mergeCommitSha: null });
      const creds = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator' };
      const run = await plan(dir, { refresh: 'true' }, { event: 'pull_request_target', sha: head, env: creds });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^::error::refresh refused: this pull request comes from a fork and its dwsync.yaml names its own endpoint/m);
      expect(github.comments[0]?.body).toContain('❌ **Plan failed**');
      const calls = (await (await fetch(`${emulator.url}/__emulator/calls`)).json()) as unknown[];
      expect(calls).toEqual([]);
      // The same repository's own branch may refresh.
      const own = await plan(dir, { refresh: 'true' }, { event: 'pull_request_target', sha: head, env: creds, sameRepo: true });
      expect(own.stdout).not.toContain('refresh refused');
    });
  });
});
