// Plan cost against its floor: the same files read and YAML-parsed by a bare script, in the same run.
// Runs are interleaved (floor, new, no-op, floor, ...) so a noisy machine hurts each side alike.
// Temp folders made here, not with test/support/temp-dir.ts: a plain Node script (npm run bench) cannot import TypeScript.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BIN } from './emulator-process.js';
import { editJobs, generateJobs } from './generate-jobs.js';
import { runMeasured } from './run-measured.js';
import { seedAppliedState } from './seed-state.js';
import { median } from './stats.js';

const FLOOR = path.resolve(import.meta.dirname, 'read-parse-floor.js');

// With `before` (an older checkout's root, holding its bin/ and build/), each run also plans with that
// checkout's CLI, right after this one's, for a before/after comparison under the same load.
export async function measurePlan({ count, seed, runs, changedShare = 0.01, withChanged = true, withNew = true, before, log = () => {} }) {
  const root = await mkdtemp(path.join(os.tmpdir(), `dwsync-bench-plan-${count}-`));
  try {
    const files = await generateJobs(root, { count, seed });
    const statePath = path.join(root, 'applied-state.json');
    const seeded = await seedAppliedState(root, statePath);
    // The state's size budget: 1.2 × the compact canonical JSON of the configs it records, + 300 bytes a task.
    const stateSize = { bytes: seeded.stateBytes, bytesPerTask: seeded.stateBytes / seeded.count, budgetBytes: 1.2 * seeded.configBytes + 300 * seeded.count };
    const samples = { floor: [], new: [], newPiped: [], noop: [], changed: [], newBefore: [], noopBefore: [] };
    let documentBytes = null; // a plan with no state, as written to a file: a piped one must be as long
    const plan = async (kind, state, bin = BIN) => {
      const pipe = kind === 'newPiped';
      const run = await runMeasured(bin, ['plan', '--json', '--state', state], { cwd: root, pipe });
      if (run.code !== 0) throw new Error(`plan (${kind}) exited ${run.code}: ${run.stderr.slice(0, 500)}`);
      if (kind === 'new') documentBytes = run.stdoutBytes;
      if (pipe && run.stdoutBytes !== documentBytes) throw new Error(`plan (${kind}) wrote ${run.stdoutBytes} bytes to a pipe, ${documentBytes} to a file`);
      const summary = pipe ? undefined : JSON.parse(run.stdout).summary;
      samples[kind].push({ wallMs: run.wallMs, rssBytes: run.rssBytes, summary });
      log(`plan ${count} ${kind}: ${(run.wallMs / 1000).toFixed(2)} s, ${(run.rssBytes / 2 ** 20).toFixed(0)} MB`);
    };
    const floor = async () => {
      const run = await runMeasured(FLOOR, ['jobs'], { cwd: root });
      if (run.code !== 0) throw new Error(`floor exited ${run.code}: ${run.stderr.slice(0, 500)}`);
      samples.floor.push({ wallMs: run.wallMs, rssBytes: run.rssBytes });
      log(`floor ${count}: ${(run.wallMs / 1000).toFixed(2)} s, ${(run.rssBytes / 2 ** 20).toFixed(0)} MB`);
    };
    for (let r = 0; r < runs; r++) {
      await floor();
      if (withNew) await plan('new', path.join(root, 'no-state', 'state.json'));
      // The same through a pipe, where output that is written faster than it is read waits in memory.
      if (withNew) await plan('newPiped', path.join(root, 'no-state', 'state.json'));
      await plan('noop', statePath);
      if (before && withNew) await plan('newBefore', path.join(root, 'no-state', 'state.json'), path.join(before, 'bin/dwsync.js'));
      if (before) await plan('noopBefore', statePath, path.join(before, 'bin/dwsync.js'));
    }
    const changed = withChanged ? await editJobs(root, files, { share: changedShare, seed }) : 0;
    for (let r = 0; withChanged && r < runs; r++) await plan('changed', statePath);
    const pick = (kind) => ({
      wallMs: median(samples[kind].map((s) => s.wallMs)),
      rssBytes: median(samples[kind].map((s) => s.rssBytes)),
      runs: samples[kind].length,
      ...(samples[kind][0]?.summary ? { summary: samples[kind][0].summary } : {}),
    });
    const result = { count, changed, stateSize, floor: pick('floor'), new: pick('new'), newPiped: pick('newPiped'), noop: pick('noop'), changedPlan: pick('changed'), samples };
    if (before) Object.assign(result, { newBefore: pick('newBefore'), noopBefore: pick('noopBefore') });
    for (const kind of ['new', 'newPiped', 'noop', 'changedPlan', 'newBefore', 'noopBefore']) if (result[kind]) result[kind].ratio = result[kind].wallMs / result.floor.wallMs;
    return result;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
