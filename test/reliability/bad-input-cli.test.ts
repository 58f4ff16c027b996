import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { startEmulator } from '../../src/emulator/start-emulator.js';
import type { Emulator } from '../../src/emulator/start-emulator.js';
import { emulatorCredentials, runCli } from '../support/run-cli.js';
import { useTempDir } from '../support/temp-dir.js';
import { appliedStateBytes, copyWithState, listStateFolder, runMain } from './bad-input-cli-harness.js';

// At the CLI: every case of the bad-input corpus (test/fixtures/invalid, task files and
// dwsync.yaml) through validate, plan and apply with an emulator endpoint. Each must exit 1, print the
// corpus' expected located lines on stderr, make no call although it has credentials the emulator accepts, and leave the pre-seeded state (written by a
// real first apply) byte-identical, with no lock or journal left beside it.

const corpus = path.resolve(import.meta.dirname, '../fixtures/invalid');
const cases = (await readdir(corpus)).sort();
const COMMANDS = ['validate', 'plan', 'apply'] as const;

let emulator: Emulator;
let state: Buffer;
let callsAfterSeed = 0;
const tempDir = useTempDir('dwsync-badcli-');

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: [{ projectId: 10000, fileId: 1000001 }] });
  state = await appliedStateBytes(emulator);
  callsAfterSeed = emulator.state.calls.length;
});
afterAll(async () => {
  await emulator.close();
});

// The corpus runner prints a refusal thrown before any file is read as "UserInputError: …"; the CLI
// prints the same message after "dwsync: ".
async function expectedLines(name: string): Promise<string[]> {
  const text = await readFile(path.join(corpus, name, 'expected.txt'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/^UserInputError: /, 'dwsync: '));
}

async function onlyFlags(name: string): Promise<string[]> {
  const file = path.join(corpus, name, 'only.txt');
  if (!existsSync(file)) return [];
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean).flatMap((glob) => ['--only', glob]);
}

describe('the bad-input corpus through the CLI', () => {
  test('covers the whole corpus, config files included', () => {
    expect(cases.length).toBeGreaterThanOrEqual(90);
    expect(cases.filter((name) => name.startsWith('config-')).length).toBeGreaterThanOrEqual(10);
  });

  test.each(cases)('%s: exit 1, located lines, no call, state untouched', async (name) => {
    const dir = await copyWithState(path.join(corpus, name), state, await tempDir());
    const expected = await expectedLines(name);
    const only = await onlyFlags(name);
    for (const command of COMMANDS) {
      // With the emulator's credentials, so a run that got past validation could call it.
      const run = await runMain([command, '--endpoint', emulator.url, ...only], dir, emulatorCredentials);
      const where = `${command}\n${run.stderr}`;
      expect(run.code, where).toBe(1);
      const lines = run.stderr.split('\n');
      for (const line of expected) expect(lines, where).toContain(line);
      // Only validate prints on stdout when the input is bad: its summary, unless dwsync.yaml or a
      // flag stopped it before any task file was read.
      if (command === 'validate') expect(run.stdout, where).toMatch(/^(\d+ problem\(s\) in \d+ file\(s\)\.\n)?$/);
      else expect(run.stdout, where).toBe('');
      expect(emulator.state.calls.length, where).toBe(callsAfterSeed);
      expect((await readFile(path.join(dir, '.dwsync', 'state.json'))).equals(state), where).toBe(true);
      expect(await listStateFolder(dir), where).toEqual(['state.json']);
    }
  });
});

describe('the real process agrees', () => {
  // A few cases of different kinds (YAML syntax, a rule, dwsync.yaml, a bad --only), spawned.
  const sample = ['yaml-unclosed-quote', 'cu-not-multiple', 'config-unknown-key', 'duplicate-task-across-files', 'only-parent'];

  test.each(sample)('%s', async (name) => {
    const dir = await copyWithState(path.join(corpus, name), state, await tempDir());
    const expected = await expectedLines(name);
    for (const command of COMMANDS) {
      const run = await runCli([command, '--endpoint', emulator.url, ...(await onlyFlags(name))], { cwd: dir, env: emulatorCredentials });
      const inProcess = await runMain([command, '--endpoint', emulator.url, ...(await onlyFlags(name))], dir, emulatorCredentials);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toBe(inProcess.stderr);
      for (const line of expected) expect(run.stderr.split('\n')).toContain(line);
      expect(emulator.state.calls.length).toBe(callsAfterSeed);
      expect((await readFile(path.join(dir, '.dwsync', 'state.json'))).equals(state)).toBe(true);
    }
  });
});
