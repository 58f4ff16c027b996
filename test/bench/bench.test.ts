import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { readTaskFiles } from '../../src/tasks/read-task-files.js';
import { useTempDir } from '../support/temp-dir.js';

// Keeps `npm run bench` from rotting: the generator writes valid, realistic, reproducible task files,
// and one tiny plan measurement and one tiny apply measurement run end to end (N = 20). No timing
// is asserted: the machine is shared.

type Summary = Record<string, number>;
type PlanResult = { count: number; changed: number; new: { summary: Summary; rssBytes: number }; newPiped: { rssBytes: number; runs: number }; noop: { summary: Summary }; changedPlan: { summary: Summary }; floor: { wallMs: number } };
type ApplyResult = { rows: Array<{ concurrency: number; applied: number; throttled: number; rate: number }> };
type Modules = {
  generateJobs(dir: string, options: { count: number; seed: number }): Promise<string[]>;
  measurePlan(options: { count: number; seed: number; runs: number }): Promise<PlanResult>;
  measureApplyThroughput(options: { count: number; seed: number; runs: number; latencyMs: number; concurrencies: number[] }): Promise<ApplyResult>;
};

// Imported by computed URL: the bench is plain JavaScript that runs against build/ (npm test builds first).
async function loadBench(): Promise<Modules> {
  const load = (name: string) => import(new URL(`./${name}`, import.meta.url).href);
  return { ...(await load('generate-jobs.js')), ...(await load('measure-plan.js')), ...(await load('measure-apply.js')) } as Modules;
}

describe('bench', () => {
  let bench: Modules;
  const tempDir = useTempDir('dwsync-bench-test-', { keep: 'file' });

  beforeAll(async () => {
    bench = await loadBench();
  });

  it('generates valid task files with 12 to 20 columns, the same bytes from the same seed', async () => {
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    const files = await bench.generateJobs(a, { count: 20, seed: 7 });
    await bench.generateJobs(b, { count: 20, seed: 7 });
    const other = await bench.generateJobs(c, { count: 20, seed: 8 });
    expect(files).toHaveLength(20);
    const { tasks, problems } = await readTaskFiles({ root: a, jobs: 'jobs' });
    expect(problems).toEqual([]);
    expect(tasks).toHaveLength(20);
    for (const task of tasks) {
      const steps = task.taskContent.steps as Array<{ category: string; parameter: { column?: unknown[] } }>;
      const columns = steps.find((step) => step.category === 'reader')!.parameter.column!;
      expect(columns.length).toBeGreaterThanOrEqual(12);
      expect(columns.length).toBeLessThanOrEqual(20);
    }
    expect(new Set(tasks.map((task) => (task.taskContent.steps as Array<{ stepType: string }>)[0]!.stepType)).size).toBeGreaterThan(1);
    const first = files[0]!;
    expect(await readFile(path.join(b, first), 'utf8')).toBe(await readFile(path.join(a, first), 'utf8'));
    expect(await readFile(path.join(c, other[0]!), 'utf8')).not.toBe(await readFile(path.join(a, first), 'utf8'));
  });

  it('measures a plan against its floor: all new (to a file and piped), nothing changed, one changed', async () => {
    const result = await bench.measurePlan({ count: 20, seed: 7, runs: 1 });
    expect(result.changed).toBe(1);
    expect(result.new.summary).toEqual({ create: 0, update: 20, unchanged: 0, orphaned: 0 });
    expect(result.noop.summary).toEqual({ create: 0, update: 0, unchanged: 20, orphaned: 0 });
    expect(result.changedPlan.summary).toEqual({ create: 0, update: 1, unchanged: 19, orphaned: 0 });
    expect(result.new.rssBytes).toBeGreaterThan(0);
    expect(result.newPiped).toMatchObject({ runs: 1, rssBytes: expect.any(Number) }); // and as long as the file: measurePlan checks
    expect(result.floor.wallMs).toBeGreaterThan(0);
  }, 120_000);

  it('measures apply throughput against the emulator in its own process', async () => {
    const result = await bench.measureApplyThroughput({ count: 20, seed: 7, runs: 1, latencyMs: 20, concurrencies: [4] });
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ concurrency: 4, applied: 20, throttled: 0 });
    expect(result.rows[0]!.rate).toBeGreaterThan(0);
  }, 120_000);
});
