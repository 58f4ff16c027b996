import { spawn } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/dwsync.js');

export type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

// Runs the built CLI (npm test builds first) as a user would, with only the environment given here
// plus what the credential chain must not probe.
export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number; command?: string },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // `command` runs something else with the same environment, e.g. a shell pipeline around the CLI.
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
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export const emulatorCredentials = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator',
};
