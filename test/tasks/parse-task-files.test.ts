import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { parseTaskFiles } from '../../src/tasks/parse-task-files.js';
import type { ParsedTaskFile } from '../../src/core/task/parse-task-file.js';
import { lazyJsonText } from '../../src/core/text/define-lazy.js';
import { useTempDir } from '../support/temp-dir.js';
import { validTaskYaml, withLine } from '../support/task-builders.js';

// Parsing on worker threads must give exactly what one thread gives. The workers are the compiled
// ones (npm test builds first): a worker thread cannot load TypeScript.
const sampleDir = useTempDir('dwsync-parse-threads-', { keep: 'file' });
const tempDir = useTempDir('dwsync-parse-threads-log-');
const repoRoot = path.resolve(import.meta.dirname, '../..');
const COUNTING = new URL('./workers/counting-parse-worker.js', import.meta.url);
const FAILING = new URL('./workers/failing-parse-worker.js', import.meta.url);
const COPIES = 24; // 154 sample files × 24: enough files for two threads (1,500 each at least)

// Every task file the project has as a sample (valid, invalid, copied from DataWorks' docs, the demo
// jobs), several times over, plus a file with a warning (a password in clear) and one that cannot be
// read as text.
async function sampleRepo(): Promise<{ root: string; files: string[] }> {
  const root = await sampleDir();
  const samples: string[] = [];
  for (const folder of ['test/fixtures/valid', 'test/fixtures/invalid', 'test/fixtures/real-world', 'jobs']) {
    for (const entry of await readdir(path.join(repoRoot, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.ya?ml$/.test(entry.name)) samples.push(path.relative(repoRoot, path.join(entry.parentPath, entry.name)));
    }
  }
  const files: string[] = [];
  for (let copy = 0; copy < COPIES; copy++) {
    for (const sample of samples) {
      const file = `jobs/${copy}/${sample}`;
      await cp(path.join(repoRoot, sample), path.join(root, file));
      files.push(file);
    }
    await writeFile(path.join(root, `jobs/${copy}/binary.yaml`), Buffer.from([0x00, 0xff, 0x00, 0x01]));
    await writeFile(path.join(root, `jobs/${copy}/password.yaml`), withLine(validTaskYaml, 'datasource: mysql_pub,', `password: "pw${copy}",`));
    files.push(`jobs/${copy}/binary.yaml`, `jobs/${copy}/password.yaml`);
  }
  return { root, files };
}

// Every field of every result, a task's configs included (read through their lazy fields), in order.
function snapshot(parsed: ParsedTaskFile[]): string {
  return JSON.stringify(parsed.map((p) => ({ ...p, tasks: p.tasks.map((task) => ({ keys: Object.keys(task), task })) })));
}

// Made once, read by every test: copying the files is most of the time.
let root = '';
let files: string[] = [];
let alone = '';
beforeAll(async () => {
  ({ root, files } = await sampleRepo());
  alone = snapshot(await parseTaskFiles(root, files, { threads: 1 }));
}, 60_000);

// A fresh log file for the test workers to write to, and its lines when read.
async function useWorkerLog(): Promise<() => Promise<string[]>> {
  const file = path.join(await tempDir(), 'worker.log');
  process.env.DWSYNC_TEST_WORKER_LOG = file;
  return async () => (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
}

test('worker threads parse many files to exactly what one thread gives, in file order, configs still lazy', async () => {
  const workerLog = await useWorkerLog();
  const together = await parseTaskFiles(root, files, { threads: 2, worker: COUNTING });
  const batches = await workerLog();
  expect(batches.length).toBeGreaterThan(5); // the worker did part of the work
  expect(batches.length).toBeLessThan(Math.ceil(files.length / 64)); // and this thread the rest
  expect(snapshot(together)).toBe(alone);
  expect(together.some((p) => p.problems.length > 0) && together.some((p) => p.warnings.length > 0)).toBe(true); // the sample has both
  const tasks = together.flatMap((p) => p.tasks);
  expect(tasks.length).toBeGreaterThan(1000);
  expect(tasks.filter((t) => lazyJsonText(t, 'taskContent') === undefined || lazyJsonText(t, 'taskParam') === undefined)).toEqual([]);
});

test('a worker that fails leaves its batches to this thread, another takes its place, and nothing is lost', async () => {
  const workerLog = await useWorkerLog();
  const together = await parseTaskFiles(root, files, { threads: 2, worker: FAILING });
  expect(snapshot(together)).toBe(alone);
  const log = await workerLog();
  expect(log.filter((line) => line === 'start')).toHaveLength(3); // the first worker and two in its place
  expect(log.filter((line) => line.startsWith('batch'))).toHaveLength(6);
});

test('a worker that cannot start changes nothing but the speed', async () => {
  const missing = new URL('./workers/no-such-worker.js', import.meta.url);
  expect(snapshot(await parseTaskFiles(root, files, { threads: 3, worker: missing }))).toBe(alone);
});

test('too few files for a worker to pay off are parsed on this thread alone', async () => {
  const workerLog = await useWorkerLog();
  await parseTaskFiles(root, files.slice(0, 2_999), { threads: 4, worker: COUNTING }); // two threads from 3,000 files
  expect(await workerLog()).toEqual([]);
  await parseTaskFiles(root, files.slice(0, 3_000), { threads: 4, worker: COUNTING });
  expect((await workerLog()).length).toBeGreaterThan(0);
});
