import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { expect, it } from 'vitest';

import { VERSION } from '../../src/version.js';
import { buildTask } from '../support/build-task.js';
import { taskYaml } from '../support/task-yaml.js';
import { useTempDir } from '../support/temp-dir.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const packDirs = useTempDir('dwsync-pack-');
const projects = useTempDir('dwsync-user-');

// What the README tells a user to do: pack dwsync, install the tarball into another project, run it
// there with npx. Offline: the tarball carries its runtime dependencies. --engine-strict makes an
// unsupported Node version an error, not a warning. (npm test has built build/ already, so packing
// skips the prepare script, which would rebuild it under the feet of other tests.)
it('installs from a packed tarball into a fresh project, offline, and runs there', { timeout: 180_000 }, async () => {
  const packDir = await packDirs();
  const { stdout: packed } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], { cwd: ROOT });
  const tarball = path.join(packDir, (JSON.parse(packed) as Array<{ filename: string }>)[0]!.filename);
  expect(path.basename(tarball)).toBe(`dwsync-${VERSION}.tgz`);

  const project = await projects();
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'my-tasks', version: '1.0.0', private: true }));
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  await run('npm', ['install', '-D', '--offline', '--engine-strict', tarball], { cwd: project, env });

  const version = await run('npx', ['--offline', 'dwsync', '--version'], { cwd: project, env });
  expect(version.stdout).toBe(`dwsync ${VERSION}\n`);
  const task = buildTask({ fileId: 1000001, file: 'jobs/ods/users.yaml' });
  await mkdir(path.join(project, 'jobs', 'ods'), { recursive: true });
  await writeFile(path.join(project, task.file), taskYaml(task));
  const validated = await run('npx', ['--offline', 'dwsync', 'validate'], { cwd: project, env });
  expect(validated.stdout).toBe('1 task(s) in 1 file(s): all valid.\n');

  // Every package the CLI runs on accepts this Node version (no EBADENGINE for a user of the CLI).
  const installed = path.join(project, 'node_modules', 'dwsync');
  const refused = [];
  for (const manifest of await listManifests(installed)) {
    const { name, version: v, engines } = JSON.parse(await readFile(manifest, 'utf8')) as { name: string; version: string; engines?: { node?: string } };
    if (engines?.node && !nodeSatisfies(process.versions.node, engines.node)) refused.push(`${name}@${v} wants node ${engines.node}`);
  }
  expect(refused).toEqual([]);
});

async function listManifests(dir: string): Promise<string[]> {
  const found = [path.join(dir, 'package.json')];
  const modules = path.join(dir, 'node_modules');
  const names = (await readdir(modules).catch(() => [] as string[])).filter((name) => !name.startsWith('.'));
  for (const name of names) {
    const scoped = name.startsWith('@') ? (await readdir(path.join(modules, name))).map((inner) => `${name}/${inner}`) : [name];
    for (const pkg of scoped) found.push(...(await listManifests(path.join(modules, pkg))));
  }
  return found;
}

// The engine ranges dependencies use: ">=X[.Y[.Z]]" alternatives joined by "||". Anything else is
// refused loudly rather than guessed at.
function nodeSatisfies(version: string, range: string): boolean {
  const have = version.split('.').map(Number);
  return range.split('||').some((alternative) => {
    const match = /^\s*>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(alternative);
    if (!match) throw new Error(`engine range not understood: ${range}`);
    const want = [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
    for (let i = 0; i < 3; i++) if (have[i] !== want[i]) return have[i]! > want[i]!;
    return true;
  });
}
