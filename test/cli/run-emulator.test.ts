import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { buildTask } from '../support/build-task.js';
import { namedTaskYaml, taskYaml } from '../support/task-yaml.js';
import { useTempDir } from '../support/temp-dir.js';
import { callWithSdk, callWithSdkFailing } from '../emulator/call-with-sdk.js';
import { writeFiles } from '../support/temp-origin.js';

// `dwsync emulator` in-process: it seeds from the task files, says where it listens, serves until
// the signal, then closes and exits 0.

const tempDir = useTempDir('dwsync-emulator-cli-');

type Started = { url: string; stderr: () => string; stop(): Promise<number> };

async function startCli(args: string[], cwd: string): Promise<Started> {
  const controller = new AbortController();
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd, signal: controller.signal };
  const exit = main(['emulator', '--port', '0', ...args], io);
  for (let i = 0; i < 200 && !stdout.includes('\n'); i++) {
    const early = await Promise.race([exit, new Promise((resolve) => setTimeout(() => resolve(null), 10))]);
    if (early !== null) throw new Error(`the emulator exited ${String(early)}: ${stderr}`);
  }
  const url = /^dwsync emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(stdout)?.[1];
  if (!url) throw new Error(`unexpected stdout: ${stdout}`);
  return {
    url,
    stderr: () => stderr,
    stop: async () => {
      controller.abort();
      return exit;
    },
  };
}

// A fresh connection to the URL's port: 'connected', or the error code.
function connectTo(url: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

async function run(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIo = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd, signal: AbortSignal.abort() };
  return { code: await main(['emulator', ...args], io), stderr };
}

describe('dwsync emulator (CLI)', () => {
  it('seeds every task of the folder and the references of each named one, serves, and closes on the signal with exit 0', async () => {
    const dir = await tempDir();
    const named = { ...buildTask({ projectId: 30000 }), fileId: null, name: 'ods_new', folder: 'Business Flow/ods/Data Integration' };
    await writeFiles(dir, {
      'seed/a.yaml': taskYaml(buildTask({ fileId: 1000001 })),
      'seed/b.yaml': taskYaml(buildTask({ projectId: 20000, fileId: 2000001 })),
      'seed/c.yaml': namedTaskYaml(named),
    });
    const cli = await startCli(['--seed', 'seed'], dir);
    expect(cli.stderr()).toBe('seeded 2 task(s); access key id "emulator", secret "emulator"\n');
    const file = await callWithSdk(cli.url, 'GetFile', { ProjectId: 20000, FileId: 2000001 });
    expect(file.body).toMatchObject({ Success: true, Data: { File: { FileId: 2000001 } } });
    const sources = await callWithSdk(cli.url, 'ListDataSources', { ProjectId: 30000, EnvType: 1 });
    expect((sources.body.Data as { DataSources: Array<{ Name: string }> }).DataSources.map((d) => d.Name)).toEqual(['mysql_pub', 'odps_first']);
    expect(await cli.stop()).toBe(0);
    expect(await connectTo(cli.url)).toBe('ECONNREFUSED');
  });

  it('reports the workspace mode it is given', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'jobs/a.yaml': taskYaml(buildTask({ fileId: 1000001 })) });
    const cli = await startCli(['--seed', 'jobs', '--mode', 'basic'], dir);
    const project = await callWithSdk(cli.url, 'GetProject', { ProjectId: 10000 });
    expect((project.body.Data as { ProjectMode: number }).ProjectMode).toBe(2);
    expect(await cli.stop()).toBe(0);
  });

  it('serves each --new-studio workspace and each workspace dwsync.yaml gives api 2024-05-18 as a new Data Studio one', async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      'dwsync.yaml': 'workspaces:\n  "20000": { api: "2024-05-18" }\n',
      'jobs/a.yaml': taskYaml(buildTask({ fileId: 1000001 })),
      'jobs/c.yaml': namedTaskYaml({ ...buildTask({ projectId: 20000 }), fileId: null, name: 'ods_new', folder: 'ods' }),
    });
    const cli = await startCli(['--seed', 'jobs', '--new-studio', '40000'], dir);
    for (const projectId of [20000, 40000]) {
      const refused = await callWithSdkFailing(cli.url, 'ListFiles', { ProjectId: projectId });
      expect(refused).toMatchObject({ code: 'Invalid.DataStudio.LegacyApi', statusCode: 400 });
    }
    expect((await callWithSdk(cli.url, 'ListFiles', { ProjectId: 10000 })).body).toMatchObject({ Success: true });
    expect(await (await fetch(`${cli.url}/__emulator/nodes`)).json()).toEqual([]); // a named task is created by apply
    expect(await cli.stop()).toBe(0);
  });

  it('refuses an unknown mode and invalid seed files, with exit 1', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'bad/a.yaml': 'projectId: 10000\nfileId: 0\n' });
    expect(await run(['--mode', 'advanced'], dir)).toEqual({ code: 1, stderr: 'dwsync: --mode must be "basic" or "standard", got "advanced"\n' });
    const bad = await run(['--seed', 'bad'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad/a.yaml:2:9: error: fileId must be a positive integer, got 0\n');
    expect(bad.stderr).toContain('dwsync: --seed bad: task files are invalid\n');
  });
});
