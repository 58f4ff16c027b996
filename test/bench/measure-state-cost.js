// What recording outcomes costs during an apply. Drives pushUpdates in-process (the same code the CLI
// runs) against the emulator in its own process, with a real state store whose record() is wrapped
// to time it. record() writes the journal line at once and returns a promise of durability (group
// commit fdatasync); pushUpdates frees the call's slot as soon as record() returns. So the time the
// apply spends recording is main-thread time: record()'s own (serialising and writing the line), the
// group commit's (starting each fdatasync and settling the records it made durable), and the final
// fold and write of the state at close. The wait until durable is reported too: it delays when a
// result is reported, not the next call.
import { performance } from 'node:perf_hooks';
// Temp folders made here, not with test/support/temp-dir.ts: a plain Node script (npm run bench) cannot import TypeScript.
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EMULATOR_ENV, startEmulatorProcess } from './emulator-process.js';
import { generateJobs } from './generate-jobs.js';
import { median } from './stats.js';

const OWN_BUILD = path.resolve(import.meta.dirname, '../../build');

// The product's modules from a build folder: this checkout's, or an older one's to compare with.
async function loadBuild(build) {
  const load = (file) => import(pathToFileURL(path.join(build, file)).href);
  return {
    ...(await load('dataworks/call-runner.js')),
    ...(await load('dataworks/create-limiter.js')),
    ...(await load('remote/push-updates.js')),
    ...(await load('core/plan/plan-tasks.js')),
    ...(await load('dataworks/create-data-works.js')),
    ...(await load('system-clock.js')),
    ...(await load('state/state-store.js')),
    ...(await load('tasks/read-task-files.js')),
  };
}

async function applyInProcess(root, { url, concurrency, run, build }) {
  const { createCallRunner, createLimiter, pushUpdates, planTasks, createDataWorks, systemClock, openStateStore, readTaskFiles } = build;
  const statePath = path.join(root, `state-${run}`, 'state.json');
  const { tasks } = await readTaskFiles({ root, jobs: 'jobs' });
  const store = await openStateStore(statePath);
  const planned = planTasks({ tasks, records: store.state.tasks, salt: store.state.salt });
  const updates = planned.filter((entry) => entry.action === 'update').map((entry) => ({ kind: 'update', entry }));
  const dataWorks = createDataWorks({ endpoint: url, region: 'cn-hangzhou' });
  let recordMs = 0;
  let recordMaxMs = 0;
  const recordTimes = [];
  let durableMs = 0;
  const datasyncCalls = await timeDatasyncCalls();
  const started = performance.now();
  const results = await pushUpdates(
    updates,
    { concurrency, commit: null },
    {
      dataWorks,
      call: createCallRunner({ clock: systemClock, random: Math.random, limiter: createLimiter(0, systemClock) }),
      clock: systemClock,
      projectMode: async () => 'basic',
      recordOf: (key) => store.state.tasks[key] ?? null,
      record: (key, record) => {
        const t0 = performance.now();
        const durable = store.record(key, record);
        const spent = performance.now() - t0;
        recordMs += spent;
        recordMaxMs = Math.max(recordMaxMs, spent);
        recordTimes.push(spent);
        return durable.then(() => {
          durableMs += performance.now() - t0;
        });
      },
    },
  );
  const pushMs = performance.now() - started;
  const journal = store.stats();
  // The journal's own figure (a build whose fdatasyncs run on a thread of their own), else the time
  // the main thread spent starting them (a build that starts each one with FileHandle.datasync).
  const commitMs = (journal.mainThreadMs ?? 0) + datasyncCalls.stop();
  const closeStarted = performance.now();
  await store.close();
  const closeMs = performance.now() - closeStarted;
  const size = (await stat(statePath)).size;
  await rm(path.dirname(statePath), { recursive: true, force: true });
  const applied = results.filter((r) => r.outcome === 'applied').length;
  return {
    applied,
    pushMs,
    closeMs,
    recordMs,
    recordMaxMs,
    // A few long record() calls (a write stalled behind the disk) weigh more than many short ones.
    recordP50Us: quantile(recordTimes, 0.5) * 1000,
    recordP99Us: quantile(recordTimes, 0.99) * 1000,
    // Main-thread time inside record() as a share of the push phase, and the final fold's share of the run.
    recordShare: recordMs / pushMs,
    commitShare: commitMs / pushMs,
    durableWaitMs: durableMs / applied,
    closeShare: closeMs / (pushMs + closeMs),
    journalWrites: journal.writes,
    stateBytes: size,
    bytesPerTask: size / applied,
  };
}

// One row per concurrency: the share recording takes depends on how many calls overlap. With
// `before` (the build/ folder of an older checkout), each sample of this build is paired with one of
// that build, run right after it, so both sides see the same load.
export async function measureStateCost({ count, seed, runs, latencyMs, concurrencies, before, log = () => {} }) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'dwsync-bench-state-'));
  Object.assign(process.env, EMULATOR_ENV);
  try {
    await generateJobs(root, { count, seed });
    const rows = [];
    const builds = { after: await loadBuild(OWN_BUILD), ...(before ? { before: await loadBuild(before) } : {}) };
    for (const concurrency of concurrencies) rows.push(await measureAt(root, { count, runs, latencyMs, concurrency, builds, log }));
    return { count, latencyMs, rows };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function measureAt(root, { count, runs, latencyMs, concurrency, builds, log }) {
  const samples = { after: [], before: [] };
  for (let run = 0; run < runs; run++) {
    for (const [side, build] of Object.entries(builds)) {
      const emulator = await startEmulatorProcess({ root, latencyMs });
      try {
        const sample = await applyInProcess(root, { url: emulator.url, concurrency, run, build });
        if (sample.applied !== count) throw new Error(`state cost (${side}): ${sample.applied} of ${count} tasks applied`);
        log(`state cost ${count} at ${concurrency} (${side}): record ${(sample.recordShare * 100).toFixed(2)} %, group commit ${(sample.commitShare * 100).toFixed(2)} % (p50 ${sample.recordP50Us.toFixed(0)} µs, p99 ${sample.recordP99Us.toFixed(0)} µs, max ${sample.recordMaxMs.toFixed(1)} ms; durable after ${sample.durableWaitMs.toFixed(1)} ms), close ${sample.closeMs.toFixed(0)} ms, ${sample.bytesPerTask.toFixed(0)} B/task`);
        samples[side].push(sample);
      } finally {
        await emulator.close();
      }
    }
  }
  const row = summarise(samples.after, { count, concurrency, latencyMs });
  return samples.before.length > 0 ? { ...row, before: summarise(samples.before, { count, concurrency, latencyMs }) } : row;
}

// Times the synchronous part of every FileHandle.datasync() call (the main thread handing the
// fdatasync to the thread pool) until stop(), which returns the total in ms.
async function timeDatasyncCalls() {
  const probe = await open(import.meta.filename, 'r');
  const prototype = Object.getPrototypeOf(probe);
  await probe.close();
  const original = prototype.datasync;
  let ms = 0;
  prototype.datasync = function datasync(...args) {
    const t0 = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      ms += performance.now() - t0;
    }
  };
  return {
    stop() {
      prototype.datasync = original;
      return ms;
    },
  };
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function summarise(samples, { count, concurrency, latencyMs }) {
  const m = (field) => median(samples.map((s) => s[field]));
  return {
    count,
    concurrency,
    latencyMs,
    applied: m('applied'),
    pushMs: m('pushMs'),
    closeMs: m('closeMs'),
    recordShare: m('recordShare'),
    commitShare: m('commitShare'),
    closeShare: m('closeShare'),
    totalShare: m('recordShare') + m('commitShare') + m('closeShare'),
    journalWrites: m('journalWrites'),
    durableWaitMs: m('durableWaitMs'),
    bytesPerTask: m('bytesPerTask'),
    samples,
  };
}
