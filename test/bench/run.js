// npm run bench: plan against its floor, apply throughput, apply at a QPS ceiling, the cost of
// recording outcomes, and growth. Prints markdown tables; writes JSON to test/bench/results/.
// BENCH_QUICK=1 runs small sizes once (a smoke run, not figures to publish). BENCH_GROWTH=0 skips the
// growth series (50,000 and 100,000 tasks); BENCH_SKIP_100K=1 skips only its largest size, which takes
// tens of minutes on 2 cores (for CI). BENCH_ONLY=plan,apply,qps,learned,state,growth runs only the
// parts named. BENCH_BEFORE=DIR (an older checkout, built) measures its plan and recording beside this
// one's, interleaved, and the tables show both.
import { performance } from 'node:perf_hooks';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { measureApplyThroughput, measureLearnedRate, measureQpsCeiling } from './measure-apply.js';
import { measurePlan } from './measure-plan.js';
import { measureStateCost } from './measure-state-cost.js';
import { renderTable } from './render-table.js';

const quick = process.env.BENCH_QUICK === '1';
const seed = Number(process.env.BENCH_SEED ?? 20260518);
const runs = Number(process.env.BENCH_RUNS ?? (quick ? 1 : 3));
const config = quick
  ? { plan: [100, 1000], growth: [], apply: 200, qps: 40, learn: 60, state: 500, growthRuns: 1 }
  : { plan: [1_000, 10_000], growth: growthSizes(), apply: 2_000, qps: 300, learn: 300, state: 10_000, growthRuns: 1 };

function growthSizes() {
  if (process.env.BENCH_GROWTH === '0') return [];
  return process.env.BENCH_SKIP_100K === '1' ? [50_000] : [50_000, 100_000];
}
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const wanted = (part) => only === null || only.has(part);
const before = process.env.BENCH_BEFORE ? path.resolve(process.env.BENCH_BEFORE) : undefined;
const log = (line) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

const machine = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  loadAverage: os.loadavg().map((x) => x.toFixed(1)).join(' '),
};

const started = performance.now();
const plan = [];
if (wanted('plan')) for (const count of config.plan) plan.push(await measurePlan({ count, seed, runs, before, log }));
const apply = wanted('apply') ? await measureApplyThroughput({ count: config.apply, seed, runs, latencyMs: 20, concurrencies: [1, 4, 8, 16], log }) : null;
const qps = wanted('qps') ? await measureQpsCeiling({ count: config.qps, seed, runs, qps: 20, latencyMs: 20, concurrency: 4, log }) : null;
const learned = wanted('learned') ? await measureLearnedRate({ count: config.learn, seed, runs: quick ? 1 : Math.min(runs, 2), limits: [5, 10, 20], latencyMs: 20, concurrency: 4, log }) : null;
const stateCost = wanted('state') ? await measureStateCost({ count: config.state, seed, runs: quick ? 1 : Math.min(runs, 2), latencyMs: 20, concurrencies: [4, 16], before: before && path.join(before, 'build'), log }) : null;
const growth = [...plan];
// The largest size runs once, without the 1 % case: one run of it takes minutes on 2 cores.
// Above 50,000 tasks the plan without a state is left out too: it is not one of the budgets.
if (wanted('growth')) for (const count of config.growth) growth.push(await measurePlan({ count, seed, runs: config.growthRuns, withChanged: false, withNew: count <= 50_000, before: count <= 50_000 ? before : undefined, log }));

const results = { machine, seed, quick, runs, elapsedSeconds: Math.round((performance.now() - started) / 1000), plan, apply, qps, learned, stateCost, growth };
const dir = path.resolve(import.meta.dirname, 'results');
await mkdir(dir, { recursive: true });
const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
await writeFile(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(renderTable(results));
log(`results: ${path.relative(process.cwd(), file)} (${results.elapsedSeconds} s)`);
