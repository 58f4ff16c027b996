import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { apply } from '../../src/commands/apply.js';
import type { PlanReport } from '../../src/core/plan/report.js';
import { startEmulator } from '../../src/emulator/start-emulator.js';
import type { Emulator } from '../../src/emulator/start-emulator.js';
import type { State } from '../../src/core/state/state-schema.js';
import { buildTask } from '../support/build-task.js';
import { runCli } from '../support/run-cli.js';
import { taskYaml } from '../support/task-yaml.js';
import { useTempDir } from '../support/temp-dir.js';
import { listStateFolder, quietDeps, runMain } from './bad-input-cli-harness.js';
import { parseStateText, readStateFile } from '../support/read-state-file.js';

// At the CLI: a damaged state file or journal is refused with a clear message and left
// byte for byte as it was (plan and apply, no call made); a journal whose last line was torn by a kill
// is recovered with a warning and the run still converges.

const tasks = [buildTask({ fileId: 1000001, file: 'jobs/a.yaml' }), buildTask({ fileId: 1000002, file: 'jobs/b.yaml' })];
const STATE = '.dwsync/state.json';
const JOURNAL = `${STATE}.journal`;

let emulator: Emulator;
let applied: State; // the state a real apply of both tasks wrote
let appliedText: string;
const tempDir = useTempDir('dwsync-state-abuse-', { keep: 'file' });

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: tasks.map(({ projectId, fileId }) => ({ projectId, fileId })) });
  const dir = await repo({});
  const report = await apply({ root: dir, endpoint: emulator.url, qps: 0 }, quietDeps(emulator));
  expect(report.summary.applied).toBe(2);
  appliedText = await readFile(path.join(dir, STATE), 'utf8');
  applied = parseStateText(appliedText);
});
afterAll(async () => {
  await emulator.close();
});

async function repo(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  await mkdir(path.join(dir, 'jobs'));
  await mkdir(path.join(dir, '.dwsync'));
  for (const task of tasks) await writeFile(path.join(dir, task.file), taskYaml(task));
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  return dir;
}

function journalHeader(state: State): string {
  return JSON.stringify({ journal: 1, lineage: state.lineage, baseSerial: state.serial });
}

// The state as a run killed after recording b left it: b's record only in the journal.
function withoutB(): State {
  const { [tasks[1]!.key]: _b, ...rest } = applied.tasks;
  return { ...applied, tasks: rest };
}
const recordOfB = () => JSON.stringify({ key: tasks[1]!.key, record: applied.tasks[tasks[1]!.key] });

type Refusal = { name: string; files: () => Record<string, string>; message: RegExp };

const refusals: Refusal[] = [
  { name: 'truncated state', files: () => ({ [STATE]: appliedText.slice(0, Math.floor(appliedText.length / 2)) }), message: /state file .*state\.json is truncated: its JSON ends early at line \d+, column \d+/ },
  { name: 'empty state', files: () => ({ [STATE]: '' }), message: /state file .*state\.json is empty \(truncated\)/ },
  { name: 'state not JSON', files: () => ({ [STATE]: '<<<<<<< HEAD\n{}\n=======\n' }), message: /state file .*state\.json is not valid JSON at line 1, column 1/ },
  { name: 'state of the wrong shape', files: () => ({ [STATE]: JSON.stringify({ ...applied, tasks: [] }) }), message: /state file .*state\.json does not match the state format: tasks: / },
  { name: 'formatVersion from the future', files: () => ({ [STATE]: JSON.stringify({ ...applied, formatVersion: 3 }) }), message: /state file .*state\.json has formatVersion 3: it was written by a newer dwsync .*upgrade dwsync/ },
  {
    name: 'journal of another lineage',
    files: () => ({ [STATE]: appliedText, [JOURNAL]: `${journalHeader({ ...applied, lineage: 'another-lineage' })}\n${recordOfB()}\n` }),
    message: /journal .*state\.json\.journal belongs to another state \(its lineage is another-lineage, the state file's is [0-9a-f-]+\)/,
  },
  {
    name: 'journal with a damaged middle line',
    files: () => ({ [STATE]: JSON.stringify(withoutB()), [JOURNAL]: `${journalHeader(applied)}\n{"key": "10000/10\n${recordOfB()}\n` }),
    message: /journal .*state\.json\.journal line 2 is not valid JSON but is not the last line, so it was damaged, not torn by a crash/,
  },
  {
    name: 'journal from a newer dwsync',
    files: () => ({ [STATE]: appliedText, [JOURNAL]: `${JSON.stringify({ journal: 9, lineage: applied.lineage, baseSerial: 1 })}\n` }),
    message: /journal .*state\.json\.journal has format 9: it was written by a newer dwsync; upgrade dwsync/,
  },
  { name: 'journal without its state file', files: () => ({ [JOURNAL]: `${journalHeader(applied)}\n${recordOfB()}\n` }), message: /journal .* exists but its state file .* does not/ },
];

describe('a damaged state is refused, never overwritten', () => {
  test.each(refusals.map((r) => [r.name, r] as const))('%s', async (_name, r) => {
    const files = r.files();
    const dir = await repo(files);
    const calls = emulator.state.calls.length;
    for (const command of ['plan', 'apply']) {
      const run = await runMain([command, '--endpoint', emulator.url], dir);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(r.message);
      expect(run.stderr).toMatch(/^dwsync: /m);
      expect(run.stdout).toBe('');
      for (const [file, text] of Object.entries(files)) expect(await readFile(path.join(dir, file), 'utf8'), `${command} ${file}`).toBe(text);
      expect(await listStateFolder(dir)).toEqual(Object.keys(files).map((f) => path.basename(f)).sort());
    }
    expect(emulator.state.calls.length).toBe(calls);
    // validate reads no state, so it is not affected.
    expect((await runMain(['validate'], dir)).code).toBe(0);
  });

  test('the spawned CLI refuses the same way', async () => {
    const truncated = appliedText.slice(0, 100);
    const dir = await repo({ [STATE]: truncated });
    const run = await runCli(['apply', '--endpoint', emulator.url], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(refusals[0]!.message);
    expect(await readFile(path.join(dir, STATE), 'utf8')).toBe(truncated);
  });

  test('a lock held by a live run stops apply, naming the holder; both files untouched', async () => {
    const lock = `${JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', command: 'dwsync apply', token: 't' })}\n`;
    const dir = await repo({ [STATE]: appliedText, [`${STATE}.lock`]: lock });
    const run = await runMain(['apply', '--endpoint', emulator.url], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`pid ${process.pid}`);
    expect(await readFile(path.join(dir, STATE), 'utf8')).toBe(appliedText);
    expect(await readFile(path.join(dir, `${STATE}.lock`), 'utf8')).toBe(lock);
  });
});

describe('a journal torn by a kill is recovered', () => {
  test('plan warns and uses the records before the torn line; apply folds them and converges', async () => {
    const state = JSON.stringify(withoutB(), null, 2);
    const journal = `${journalHeader(applied)}\n${recordOfB()}\n{"key":"10000/1000001","rec`;
    const dir = await repo({ [STATE]: state, [JOURNAL]: journal });
    const calls = emulator.state.calls.length;
    const warning = /^warning: journal .*state\.json\.journal: dropped its torn last line 3 \(a run was killed while writing it\)$/m;

    const planned = await runMain(['plan', '--json', '--endpoint', emulator.url], dir);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stderr).toMatch(warning);
    expect((JSON.parse(planned.stdout) as PlanReport).summary).toEqual({ create: 0, update: 0, unchanged: 2, orphaned: 0 });
    expect(await readFile(path.join(dir, STATE), 'utf8')).toBe(state); // plan never writes
    expect(await readFile(path.join(dir, JOURNAL), 'utf8')).toBe(journal);

    const applyRun = await runMain(['apply', '--endpoint', emulator.url], dir);
    expect(applyRun.code, applyRun.stderr).toBe(0);
    expect(applyRun.stderr).toMatch(warning);
    expect(applyRun.stdout).toContain('Apply: 0 applied, 0 failed, 2 unchanged, 0 skipped.');
    expect(emulator.state.calls.length).toBe(calls);
    expect(existsSync(path.join(dir, JOURNAL))).toBe(false);
    const folded = await readStateFile(path.join(dir, STATE));
    expect(folded.lineage).toBe(applied.lineage);
    expect(folded.serial).toBeGreaterThan(applied.serial);
    expect(folded.tasks).toEqual(applied.tasks);

    const again = await runMain(['plan', '--detailed-exitcode', '--endpoint', emulator.url], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('journal'); // folded: nothing left to warn about (the tasks' password warnings remain)
  });

  test('a journal torn inside its header line holds nothing and is dropped with a warning', async () => {
    const dir = await repo({ [STATE]: appliedText, [JOURNAL]: '{"journal":1,"line' });
    const run = await runMain(['apply', '--endpoint', emulator.url], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/dropped its torn last line 1/);
    expect(existsSync(path.join(dir, JOURNAL))).toBe(false);
    expect((await readStateFile(path.join(dir, STATE))).tasks).toEqual(applied.tasks);
  });
});
