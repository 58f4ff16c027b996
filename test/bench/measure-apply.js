// Apply throughput against the emulator (its own process), measured from the emulator's call log,
// so the plan before the pushes and process start-up do not count against the rate.
// Temp folders made here, not with test/support/temp-dir.ts: a plain Node script (npm run bench) cannot import TypeScript.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BIN, EMULATOR_ENV, startEmulatorProcess } from './emulator-process.js';
import { generateJobs } from './generate-jobs.js';
import { measureHttpFloor } from './http-floor.js';
import { runMeasured } from './run-measured.js';
import { callRate, median, spacedRate } from './stats.js';

const THROTTLED = new Set(['Throttling', 'Throttling.User', 'Throttling.Api']);

async function applyOnce(root, { latencyMs, emulatorQps, qps, concurrency, run }) {
  const emulator = await startEmulatorProcess({ root, latencyMs, qps: emulatorQps });
  const state = path.join(root, `state-${run}`, 'state.json');
  try {
    const args = ['apply', '--json', '--state', state, '--endpoint', emulator.url, '--qps', String(qps), '--concurrency', String(concurrency)];
    const result = await runMeasured(BIN, args, { cwd: root, env: EMULATOR_ENV });
    if (result.code !== 0) throw new Error(`apply exited ${result.code}: ${result.stderr.slice(0, 500)}`);
    const report = JSON.parse(result.stdout);
    const calls = (await emulator.calls()).filter((c) => c.action === 'UpdateDISyncTask');
    const throttled = calls.filter((c) => THROTTLED.has(c.code ?? '')).length;
    const answered = calls.filter((c) => !THROTTLED.has(c.code ?? ''));
    return { applied: report.summary.applied, calls: calls.length, throttled, rate: emulatorQps > 0 ? spacedRate(answered) : callRate(answered, latencyMs), wallMs: result.wallMs, rssBytes: result.rssBytes };
  } finally {
    await emulator.close();
    await rm(path.dirname(state), { recursive: true, force: true });
  }
}

export async function measureApplyThroughput({ count, seed, runs, latencyMs, concurrencies, log = () => {} }) {
  const root = await mkdtemp(path.join(os.tmpdir(), `dwsync-bench-apply-`));
  try {
    await generateJobs(root, { count, seed });
    const rows = [];
    for (const concurrency of concurrencies) {
      const samples = [];
      for (let run = 0; run < runs; run++) {
        const sample = await applyOnce(root, { latencyMs, emulatorQps: 0, qps: 0, concurrency, run });
        log(`apply c=${concurrency}: ${sample.rate.toFixed(1)} calls/s, ${sample.throttled} throttled`);
        samples.push(sample);
      }
      // What the emulator itself allows on this machine: bare keep-alive HTTP, no SDK, no state.
      const emulator = await startEmulatorProcess({ root, latencyMs });
      const httpFloor = await measureHttpFloor(emulator.url, concurrency, Math.max(concurrency * 4, Math.round(count / 4))).finally(() => emulator.close());
      log(`http floor c=${concurrency}: ${httpFloor.toFixed(1)} calls/s`);
      const ideal = (concurrency * 1000) / latencyMs;
      const rate = median(samples.map((s) => s.rate));
      rows.push({ concurrency, ideal, rate, share: rate / ideal, httpFloor, shareOfFloor: rate / httpFloor, applied: median(samples.map((s) => s.applied)), throttled: Math.max(...samples.map((s) => s.throttled)), samples });
    }
    return { count, latencyMs, rows };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export async function measureQpsCeiling({ count, seed, runs, qps, latencyMs, concurrency, log = () => {} }) {
  const root = await mkdtemp(path.join(os.tmpdir(), `dwsync-bench-qps-`));
  try {
    await generateJobs(root, { count, seed });
    const samples = [];
    for (let run = 0; run < runs; run++) {
      const sample = await applyOnce(root, { latencyMs, emulatorQps: qps, qps, concurrency, run });
      log(`apply qps=${qps}: ${sample.rate.toFixed(2)} calls/s, ${sample.throttled} throttled`);
      samples.push(sample);
    }
    const rate = median(samples.map((s) => s.rate));
    return { count, qps, latencyMs, concurrency, rate, share: rate / qps, throttled: samples.reduce((sum, s) => sum + s.throttled, 0), samples };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

// An unknown limit (dwsync --qps 0) against an emulator limited to each of `limits`: how much of the
// limit the learned rate uses, and what share of answers were throttled.
export async function measureLearnedRate({ count, seed, runs, limits, latencyMs, concurrency, log = () => {} }) {
  const root = await mkdtemp(path.join(os.tmpdir(), `dwsync-bench-learn-`));
  try {
    await generateJobs(root, { count, seed });
    const rows = [];
    for (const limit of limits) {
      const samples = [];
      for (let run = 0; run < runs; run++) {
        const sample = await applyOnce(root, { latencyMs, emulatorQps: limit, qps: 0, concurrency, run });
        log(`apply --qps 0 against ${limit}/s: ${sample.rate.toFixed(2)} calls/s, ${sample.throttled} of ${sample.calls} answers throttled`);
        samples.push(sample);
      }
      const rate = median(samples.map((s) => s.rate));
      const calls = samples.reduce((sum, s) => sum + s.calls, 0);
      const throttled = samples.reduce((sum, s) => sum + s.throttled, 0);
      rows.push({ limit, rate, share: rate / limit, calls, throttled, throttledShare: throttled / calls, samples });
    }
    return { count, latencyMs, concurrency, rows };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
