import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/dwsync.js');

export type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };
export type StartedCli = { child: ChildProcess; done: Promise<CliRun>; stderr(): string };
export type CliOptions = { cwd: string; env?: Record<string, string>; timeoutMs?: number; command?: string };

// Starts the built CLI (npm test builds first) as a user would, with only the environment given here
// plus what keeps the credential chain from probing. A guard kills it after `timeoutMs`, which the
// caller sees as a SIGKILL it did not send. `command` runs something else with the same environment,
// e.g. a shell pipeline around the CLI.
export function startCli(args: string[], options: CliOptions): StartedCli {
  const child = spawn(options.command ?? process.execPath, options.command ? args : [BIN, ...args], {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: options.cwd,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliRun>((resolve, reject) => {
    const guard = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done, stderr: () => stderr };
}

export function runCli(args: string[], options: CliOptions): Promise<CliRun> {
  return startCli(args, options).done;
}

export const emulatorCredentials = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator',
};
