import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PlanReport } from '../../src/core/report.js';
import { buildTask } from '../support/build-task.js';
import { startFakeGithub } from '../support/fake-github.js';
import type { FakeGithub } from '../support/fake-github.js';
import { taskYaml } from '../support/task-yaml.js';
import { writeFiles } from '../github/temp-git-repo.js';
import { findTokenLeaks, prepareRunner, runBundledAction } from './run-action.js';
import type { ActionRun, Runner } from './run-action.js';

const TOKEN = 'ghs_pLaNtOkEn0123456789abcdefABCDEF';
const SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
const MARKER = '<!-- dwsync:plan -->';

let runner: Runner;
let github: FakeGithub;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  runner = await prepareRunner();
});
afterAll(async () => {
  await runner.cleanup();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function workspace(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dwsync-ws-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await writeFiles(dir, files);
  return dir;
}

async function startGithub(): Promise<FakeGithub> {
  github = await startFakeGithub({ owner: 'acme', repo: 'dataworks-jobs', pageSize: 2 });
  cleanups.push(() => github.close());
  return github;
}

function plan(dir: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runBundledAction(runner, { workspace: dir, event: 'pull_request', sha: SHA, token: TOKEN, apiUrl: github.url, inputs: { command: 'plan', ...inputs } });
}

function expectNoLeak(run: ActionRun) {
  expect(findTokenLeaks(run, TOKEN)).toEqual([]);
}

describe('the Action, plan on a pull request', () => {
  it('writes the summary, the outputs and the plan JSON, and keeps one comment up to date', async () => {
    await startGithub();
    github.seedComment(7, 'LGTM, but wait for the plan');
    const a = buildTask({ fileId: 1000001, file: 'jobs/ods/a.yaml' });
    const b = buildTask({ fileId: 1000002, file: 'jobs/ods/b.yaml' });
    const dir = await workspace({ [a.file]: taskYaml(a), [b.file]: taskYaml(b) });

    const first = await plan(dir);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expectNoLeak(first);
    expect(first.stdout).toContain('::add-mask::' + TOKEN);
    expect(first.summary).toContain('| update | unchanged | orphaned |\n|---:|---:|---:|\n| 2 | 0 | 0 |');
    expect(first.summary).toContain('<details><summary><code>jobs/ods/a.yaml</code> · <code>10000/1000001</code> · update (first apply)</summary>');
    expect(first.summary).toContain('+ taskParam.ResourceGroup: "S_res_group_1_1"');
    expect(first.summary).toContain('"(sensitive)"');
    expect(first.summary).not.toContain('hunter2');
    expect(first.outputs).toMatchObject({ changes: '2', 'has-changes': 'true' });
    expect(first.outputs['plan-json']?.startsWith(first.runnerTemp)).toBe(true);
    const planJson = JSON.parse(await readFile(first.outputs['plan-json']!, 'utf8')) as PlanReport;
    expect(planJson.summary).toEqual({ update: 2, unchanged: 0, orphaned: 0 });
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(github.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);
    const created = github.comments.filter((c) => c.body.startsWith(MARKER));
    expect(created).toHaveLength(1);
    expect(first.outputs['comment-url']).toBe(created[0]?.html_url);

    // A second push edits one task: the same comment is edited, never a second one.
    await writeFiles(dir, { [a.file]: taskYaml({ ...a, taskParam: { ResourceGroup: 'S_res_group_9_9', Cu: 4 } }) });
    const second = await plan(dir);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expectNoLeak(second);
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    const ours = github.comments.filter((c) => c.body.startsWith(MARKER));
    expect(ours).toHaveLength(1);
    expect(ours[0]?.id).toBe(created[0]?.id);
    expect(ours[0]?.body).toContain('+ taskParam.ResourceGroup: "S_res_group_9_9"');
    expect(github.comments).toHaveLength(2);
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

  it('turns invalid task files into annotations on their lines and fails the step', async () => {
    await startGithub();
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
    const run = await plan(dir, { 'working-directory': 'infra' });
    expect(run.code).toBe(1);
    expectNoLeak(run);
    expect(run.stdout).toMatch(/^::error title=dwsync%3A taskParam\.Cu,file=infra\/jobs\/bad\.yaml,line=5,col=\d+::.*Cu/m);
    expect(run.stdout).toMatch(/^::error::.*problem/m);
    expect(run.summary).toContain('jobs/bad.yaml:5:');
    expect(run.outputs['plan-json']).toBeUndefined();
    // The comment for this working directory shows the problems instead of a stale plan.
    expect(github.comments[0]?.body.startsWith('<!-- dwsync:plan:infra -->')).toBe(true);
    expect(github.comments[0]?.body).toContain('jobs/bad.yaml:5:');
  });

  it('still plans when the token cannot comment (a pull request from a fork)', async () => {
    github = await startFakeGithub({ owner: 'acme', repo: 'dataworks-jobs', readOnly: true });
    cleanups.push(() => github.close());
    const a = buildTask({ fileId: 1000001, file: 'jobs/a.yaml' });
    const run = await plan(await workspace({ [a.file]: taskYaml(a) }));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^::warning::could not write the plan comment: Resource not accessible by integration/m);
    expect(run.summary).toContain('<code>10000/1000001</code>');
    expectNoLeak(run);
  });

  it('refuses apply on a pull request', async () => {
    await startGithub();
    const a = buildTask({ fileId: 1000001, file: 'jobs/a.yaml' });
    const run = await runBundledAction(runner, {
      workspace: await workspace({ [a.file]: taskYaml(a) }),
      event: 'pull_request',
      sha: SHA,
      token: TOKEN,
      apiUrl: github.url,
      inputs: { command: 'apply' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::apply refuses to run on pull_request events/m);
    expect(github.requests).toEqual([]);
  });
});
