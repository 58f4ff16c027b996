// The emulator in its own process, so the measured dwsync process is alone with its work.
import { clearTimeout, setTimeout } from 'node:timers';
import { spawn } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '../../bin/dwsync.js');
export const EMULATOR_ENV = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'emulator',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator',
  ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
  ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
};

export async function startEmulatorProcess({ root, latencyMs = 0, qps = 0, seed = 'jobs' }) {
  const args = [BIN, 'emulator', '-C', root, '--port', '0', '--seed', seed, '--latency-ms', String(latencyMs), '--qps', String(qps)];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...EMULATOR_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start in 5 min: ${stderr}`)), 300_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited (${code}): ${stderr}`));
    });
  });
  return {
    url,
    // Every API call as the emulator saw it: action, HTTP status, error code, answer time.
    async calls() {
      const response = await globalThis.fetch(`${url}/__emulator/calls`);
      const body = await response.json();
      const list = Array.isArray(body) ? body : body.calls;
      return list.map((call) => ({ action: call.action, status: call.status, code: call.code, time: Date.parse(call.time) }));
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
