import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { main } from '../../src/cli.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { startEmulator } from '../../src/emulator/start-emulator.js';
import type { Emulator } from '../../src/emulator/start-emulator.js';
import type { ImportReport } from '../../src/core/import/import-report.js';
import type { PlanReport } from '../../src/core/plan/report.js';
import { createTempRepo } from '../support/temp-repo.js';
import type { TempRepo } from '../support/temp-repo.js';
import { liveSeed } from '../support/live-task-builders.js';
import { useEmulatorKeyInEnv } from './cli-session.js';

// The CLI entry in-process: the SDK's default credential chain reads process.env.
useEmulatorKeyInEnv();

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(count: number) {
  const repo = await createTempRepo({ 'README.md': 'adopting dwsync\n' });
  await repo.commit('start');
  const emulator = await startEmulator({ port: 0, seed: Array.from({ length: count }, (_, i) => liveSeed(i)) });
  cleanups.push(() => repo.remove(), () => emulator.close());
  return { repo, emulator };
}

async function dwsync(repo: TempRepo, emulator: Emulator, args: string[], tty = false) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty },
    env: { NO_COLOR: '1' },
    cwd: repo.dir,
  };
  const code = await main([...args, '--endpoint', emulator.url, '--qps', '0'], io);
  return { code, stdout, stderr };
}

describe('dwsync import (CLI)', () => {
  it('adopts a workspace in three commands: import, commit, plan shows no changes', async () => {
    const { repo, emulator } = await setup(12);
    const imported = await dwsync(repo, emulator, ['import', '--project-id', '10000']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('written  10000/2000000  jobs/ods/di_task_0.yaml');
    expect(imported.stdout).toContain('Check: a plan shows all 12 written task(s) unchanged.');
    expect(imported.stdout).toContain('Import: 12 written, 0 already there (not overwritten), 0 failed.');
    expect(imported.stdout).toContain('warning: taskContent.steps[0].parameter.password holds a secret');
    expect(imported.stderr).toContain('found 12 batch sync task(s) in project 10000');

    await repo.commit('import from DataWorks');
    const plan = await dwsync(repo, emulator, ['plan', '--detailed-exitcode']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('Plan: 0 to update, 12 unchanged, 0 orphaned.');
  });

  it('--json prints one report; a second run refuses to overwrite and still exits 0', async () => {
    const { repo, emulator } = await setup(2);
    expect((await dwsync(repo, emulator, ['import', '--project-id', '10000'])).code).toBe(0);
    const before = await readFile(path.join(repo.dir, 'jobs/ods/di_task_0.yaml'));
    const again = await dwsync(repo, emulator, ['import', '--project-id', '10000', '--json']);
    expect(again.code, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout) as ImportReport;
    expect(report.formatVersion).toBe(1);
    expect(report.summary).toEqual({ written: 0, exists: 2, failed: 0 });
    expect(report.check).toEqual({ ok: true, checked: 0, unchanged: 0, mismatches: [], problems: [] });
    expect(await readFile(path.join(repo.dir, 'jobs/ods/di_task_0.yaml'))).toEqual(before);
  });

  it('exits 1 when a requested file does not exist, after writing the others', async () => {
    const { repo, emulator } = await setup(2);
    const run = await dwsync(repo, emulator, ['import', '--project-id', '10000', '--file-id', '2000001', '--file-id', '2999999', '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ImportReport;
    expect(report.results.map((r) => [r.key, r.outcome, r.error?.code])).toEqual([
      ['10000/2000001', 'written', undefined],
      ['10000/2999999', 'failed', 'FileNotFound'],
    ]);
    const plan = JSON.parse((await dwsync(repo, emulator, ['plan', '--json'])).stdout) as PlanReport;
    expect(plan.summary).toEqual({ create: 0, update: 0, unchanged: 1, orphaned: 0 });
  });

  it('shows a progress line on a TTY and clears it', async () => {
    const { repo, emulator } = await setup(3);
    const run = await dwsync(repo, emulator, ['import', '--project-id', '10000'], true);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('[3/3]');
    expect(run.stderr.endsWith('\r\u001b[2K')).toBe(true);
  });

  it.each([
    [['import'], /import needs --project-id P/],
    [['import', '--project-id', 'abc'], /--project-id must be a positive integer id, got "abc"/],
    [['import', '--project-id', '1', '--file-id', '0'], /--file-id must be a positive integer id, got "0"/],
    [['import', '--project-id', '1', '--file-id', '5', '--folder', 'x'], /give one or the other/],
  ])('%j is a usage error (exit 1) before any call', async (args, message) => {
    const { repo, emulator } = await setup(1);
    const run = await dwsync(repo, emulator, args);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(emulator.state.calls).toEqual([]);
  });

  it('exits 1 with the service error when the project does not exist', async () => {
    const { repo, emulator } = await setup(1);
    const run = await dwsync(repo, emulator, ['import', '--project-id', '424242']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Invalid.Tenant.ProjectNotExists');
  });
});
