import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';

import { apply } from '../../src/commands/apply.js';
import type { Clock } from '../../src/ports.js';
import type { ApplyReport } from '../../src/core/plan/report.js';
import { createAccessKeyCredential } from '../../src/dataworks/alicloud-sdk.js';
import { computeBackoffMs, defaultRetryPolicy } from '../../src/dataworks/call-with-retry.js';
import { createDataWorks } from '../../src/dataworks/create-data-works.js';
import { startEmulator } from '../../src/emulator/start-emulator.js';
import type { Emulator } from '../../src/emulator/start-emulator.js';
import { buildTask } from '../support/build-task.js';
import { taskYaml } from '../support/task-yaml.js';
import { makeTempDir } from '../support/temp-dir.js';
import { FAULT_CASES, renderFaultMatrix, TASK_COUNT } from './fault-matrix-cases.js';
import type { FaultCase } from './fault-matrix-cases.js';
import { readStateFile } from '../support/read-state-file.js';

// Every fault of the matrix through the whole apply path (SDK over real HTTP,
// classification, retry with backoff, the journal and the state file). Waiting is the only thing
// faked: the clock's sleep skips ahead instead of waiting, and records how long it was asked to wait,
// so the backoff is checked without slowing the test. Network timeouts are real (short ones).

const DOC = path.resolve(import.meta.dirname, '../../docs/fault-matrix.md');
const JITTER = 0.37; // random() for the full-jitter backoff: every backoff is 0.37 × its ceiling
const tasks = Array.from({ length: TASK_COUNT }, (_, i) => buildTask({ fileId: 1000001 + i, file: `jobs/t${i}.yaml` }));
const hit = tasks[0]!;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Sleep = { ms: number; by: 'backoff' | 'limiter' | 'other' };

// Real time plus whatever the run slept, so rate limiters see time pass; nothing actually waits. Each
// sleep is tagged with who asked for it (from the call stack), so every one is accounted for: the
// retry backoffs are compared whole, and any other sleep has to be explained, none filtered away.
function skipAheadClock(): Clock & { sleeps: Sleep[] } {
  let skipped = 0;
  const sleeps: Sleep[] = [];
  return {
    now: () => Date.now() + skipped,
    sleep(ms, signal) {
      const stack = new Error().stack ?? '';
      sleeps.push({ ms, by: /rate-limiter/.test(stack) ? 'limiter' : /call-with-retry/.test(stack) ? 'backoff' : 'other' });
      if (signal?.aborted) return Promise.reject(signal.reason);
      skipped += Math.max(0, ms);
      return Promise.resolve();
    },
    sleeps,
  };
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function runCase(c: FaultCase) {
  const emulator: Emulator = await startEmulator({ port: 0, seed: tasks.map(({ projectId, fileId }) => ({ projectId, fileId })) });
  cleanups.push(() => emulator.close());
  const { dir: root, remove } = await makeTempDir('dwsync-faults-');
  cleanups.push(remove);
  await mkdir(path.join(root, 'jobs'));
  for (const task of tasks) await writeFile(path.join(root, task.file), taskYaml(task));
  if (c.injection.kind === 'emulator') emulator.failNext(c.injection.fault, { action: 'UpdateDISyncTask', times: c.injection.times });
  const endpoint = c.injection.kind === 'refused' ? await closedPortUrl() : emulator.url;

  const clock = skipAheadClock();
  const warnings: string[] = [];
  const readMs = c.readTimeoutMs ?? 10_000;
  const report: ApplyReport = await apply(
    { root, endpoint, qps: 0, concurrency: 1 },
    {
      clock,
      random: () => JITTER,
      env: {},
      logger: { info: () => {}, warn: (m) => warnings.push(m), debug: () => {} },
      createDataWorks: (where) =>
        createDataWorks({ ...where, credential: createAccessKeyCredential('emulator', 'emulator'), timeouts: { connectMs: readMs, readMs } }),
    },
  );
  const state = await readStateFile(path.join(root, '.dwsync', 'state.json'));
  return { emulator, report, state, sleeps: clock.sleeps, warnings };
}

// The backoffs callWithRetry asks for before attempts 2..n, with the injected jitter.
function expectedBackoffs(attempts: number): number[] {
  return Array.from({ length: attempts - 1 }, (_, i) => computeBackoffMs(i + 1, defaultRetryPolicy, () => JITTER));
}

describe('the fault matrix through apply', () => {
  test.each(FAULT_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { emulator, report, state, sleeps } = await runCase(c);
    const result = report.results.find((r) => r.key === hit.key)!;
    const record = state.tasks[hit.key]!;
    const reached = emulator.state.calls.filter((call) => call.action === 'UpdateDISyncTask' && call.parameters.FileId === String(hit.fileId));

    // Attempts and backoff: 1 for what is not retryable, every one for a fault that never clears.
    expect(result.attempts).toBe(c.attempts);
    expect(record.lastAttempt?.attempts).toBe(c.attempts);
    // A closed port refuses every task alike, so each of them goes through the same backoffs.
    const backoffs = c.injection.kind === 'refused' ? tasks.flatMap(() => expectedBackoffs(c.attempts)) : expectedBackoffs(c.attempts);
    expect(sleeps.filter((s) => s.by === 'backoff').map((s) => s.ms)).toEqual(backoffs);
    // Only a throttled service makes the rate limiter pace the calls; nothing else sleeps.
    const paced = sleeps.filter((s) => s.by !== 'backoff');
    if (c.code?.startsWith('Throttling') && !c.quota) expect(paced.every((s) => s.by === 'limiter')).toBe(true);
    else expect(paced).toEqual([]);
    // A hung call is logged by the emulator only when it answers, after the client gave up on it.
    if (c.injection.kind === 'refused') expect(reached).toEqual([]);
    else if (c.injection.fault.kind !== 'hang') expect(reached).toHaveLength(c.attempts);

    expect(result.outcome).toBe(c.outcome);
    expect(record.lastAttempt?.outcome).toBe(c.outcome);
    const last = reached.at(-1);
    if (c.outcome === 'applied') {
      expect(record.applied?.requestId).toBeTruthy();
      expect(record.lastAttempt?.requestId).toBe(record.applied?.requestId);
      expect(result.requestId).toBe(record.applied?.requestId);
      if (last) expect(last.requestId).toBe(record.applied?.requestId);
      expect(JSON.parse(emulator.state.tasks.get(hit.key)!.taskContent)).toEqual(hit.taskContent);
    } else {
      expect(record.applied).toBeNull();
      expect(result.error?.code).toBe(c.code);
      expect(record.lastAttempt?.error?.code).toBe(c.code);
      expect(record.lastAttempt?.error?.status).toBe(c.status);
      expect(result.error?.message).toBeTruthy();
      if (c.requestId) {
        expect(record.lastAttempt?.error?.requestId).toBe(last?.requestId);
        expect(record.lastAttempt?.requestId).toBe(last?.requestId);
        expect(result.requestId).toBe(last?.requestId);
      } else {
        expect(record.lastAttempt?.error?.requestId).toBeUndefined();
        expect(result.requestId).toBeUndefined();
      }
    }

    // The other tasks: applied, or after a quota error skipped with its code and never sent.
    const others = tasks.slice(1).map((task) => ({ result: report.results.find((r) => r.key === task.key)!, record: state.tasks[task.key]! }));
    const sentOthers = emulator.state.calls.filter((call) => call.parameters.FileId !== String(hit.fileId));
    if (c.quota) {
      for (const other of others) {
        expect(other.result).toMatchObject({ outcome: 'skipped', attempts: 0, reason: c.code });
        expect(other.record.lastAttempt).toMatchObject({ outcome: 'skipped', attempts: 0, reason: c.code });
      }
      expect(sentOthers).toEqual([]);
      expect(report.summary).toEqual({ created: 0, applied: 0, failed: 1, unchanged: 0, skipped: TASK_COUNT - 1, deleted: 0 });
    } else if (c.injection.kind === 'refused') {
      for (const other of others) expect(other.result).toMatchObject({ outcome: 'failed', attempts: c.attempts, error: { code: c.code } });
    } else {
      for (const other of others) expect(other.result).toMatchObject({ outcome: 'applied', attempts: 1 });
      expect(sentOthers).toHaveLength(TASK_COUNT - 1);
    }
  });

  test('docs/fault-matrix.md is the table of these cases', async () => {
    const table = renderFaultMatrix(FAULT_CASES);
    if (process.env.UPDATE_FAULT_MATRIX) await writeFile(DOC, table);
    expect(await readFile(DOC, 'utf8')).toBe(table);
  });
});
