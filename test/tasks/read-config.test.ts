import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { readConfig } from '../../src/tasks/read-config.js';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { formatProblem } from '../../src/core/problem.js';
import { useTempDir } from '../support/temp-dir.js';

const defaults = { jobs: 'jobs', state: '.dwsync/state.json', region: 'cn-hangzhou', endpoint: null, concurrency: 4, qps: 5, deploy: false, prune: false, maxDeletes: 10, workspaces: {} };
const tempDir = useTempDir('dwsync-config-');
let root = '';

test('without dwsync.yaml the defaults apply', async () => {
  root = await tempDir();
  expect(await readConfig(root)).toEqual({ config: defaults, problems: [] });
});

test('given keys override the defaults', async () => {
  root = await tempDir();
  await writeFile(path.join(root, 'dwsync.yaml'), 'jobs: pipelines\nendpoint: http://127.0.0.1:8787\nqps: 0\n');
  const { config, problems } = await readConfig(root);
  expect(problems).toEqual([]);
  expect(config).toEqual({ ...defaults, jobs: 'pipelines', endpoint: 'http://127.0.0.1:8787', qps: 0 });
});

test('problems are located and the defaults returned', () => {
  const { config, problems } = parseConfig('jobs: jobs\nconcurrency: 0\nqps: x\n', 'dwsync.yaml');
  expect(config).toEqual(defaults);
  expect(problems.map(formatProblem)).toEqual([
    'dwsync.yaml:2:14: error: concurrency must be an integer >= 1, got 0',
    'dwsync.yaml:3:6: error: qps must be a number >= 0 (0 = no ceiling), got "x"',
  ]);
});

// The same byte checks as task files (core/text/decode-text.ts), located in dwsync.yaml.
test.each([
  ['a NUL byte', Buffer.from('jobs: jobs\n\0'), 'dwsync.yaml:1:1: error: binary file: expected YAML text, found a NUL byte at byte 11'],
  ['bytes that are not UTF-8', Buffer.concat([Buffer.from('jobs: jobs\nregion: x'), Buffer.from([0xff])]), 'dwsync.yaml:2:10: error: invalid UTF-8: expected UTF-8 text, found byte 0xff'],
  ['more than 64 KiB', Buffer.from(`# ${'x'.repeat(64 * 1024)}\n`), `dwsync.yaml:1:1: error: file too large: expected at most 64 KiB (65536 bytes), found ${64 * 1024 + 3} bytes`],
])('refuses %s, keeping the defaults', async (_, bytes, message) => {
  root = await tempDir();
  await writeFile(path.join(root, 'dwsync.yaml'), bytes);
  const { config, problems } = await readConfig(root);
  expect(config).toEqual(defaults);
  expect(problems.map(formatProblem)).toEqual([message]);
});

test('a byte-order mark is not part of the first key', async () => {
  root = await tempDir();
  await writeFile(path.join(root, 'dwsync.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('qps: 2\n')]));
  expect(await readConfig(root)).toEqual({ config: { ...defaults, qps: 2 }, problems: [] });
});
