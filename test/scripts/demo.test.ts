import { spawn } from 'node:child_process';
import path from 'node:path';

import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

// npm run demo, its output piped as CI or `| less` would: no terminal escapes, and each "$ " line is the
// command line it spawned (a process of its own), not an in-process call dressed up as one.
it('prints the commands it runs, without escapes off a terminal, and succeeds', async () => {
  const child = spawn(process.execPath, ['scripts/demo.js'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: ROOT }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise((resolve) => child.on('close', resolve));
  expect(code, out).toBe(0);
  expect(out).not.toContain('\u001b');
  const commands = out.split('\n').filter((line) => line.startsWith('$ '));
  expect(commands.map((line) => line.replace(/ {3}#.*$/, '').split(' ').slice(1, 5).join(' '))).toEqual([
    'node bin/dwsync.js validate',
    'node bin/dwsync.js plan --state',
    'node bin/dwsync.js apply --state',
    'node bin/dwsync.js plan --detailed-exitcode',
  ]);
  // What the spawned apply printed, and its own exit status, follow its command line.
  expect(out).toMatch(/\$ node bin\/dwsync\.js apply [^\n]*\n(applied [^\n]*\n)+Apply: \d+ applied, 0 failed, 0 unchanged, 0 skipped\.\n\(exit 0, [\d.]+ s including node's start\)/);
}, 60_000);
