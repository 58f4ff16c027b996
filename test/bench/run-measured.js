// Runs one command in a child process and measures the whole run: wall time from spawn to exit, and
// the child's peak RSS (reported by report-rss.js, preloaded with --import).
import { Buffer } from 'node:buffer';
import { clearTimeout, setTimeout } from 'node:timers';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
// Temp folders made here, not with test/support/temp-dir.ts: a plain Node script (npm run bench) cannot import TypeScript.
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const RSS_HOOK = new URL('./report-rss.js', import.meta.url).href;

// With `pipe: true`, stdout is a pipe this process drains, as `dwsync plan --json | jq` would: the
// result then has the byte count (stdoutBytes) and only the first 64 KiB of the text.
export async function runMeasured(script, args, { cwd, env = {}, timeoutMs = 20 * 60_000, pipe = false } = {}) {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'dwsync-bench-rss-'));
  const rssFile = path.join(scratch, 'rss');
  const outFile = path.join(scratch, 'stdout');
  // stdout goes to a file unless `pipe`: bin/dwsync.js ends with process.exit(), which cuts a pipe's
  // pending output at 64 KiB unless the command waits for it to drain, as plan --json does; writes to
  // a file are synchronous and complete.
  const out = await open(outFile, 'w');
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', RSS_HOOK, script, ...args], {
      cwd,
      env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', pipe ? 'pipe' : out.fd, 'pipe'],
    });
    const head = [];
    let stdoutBytes = 0;
    child.stdout?.on('data', (chunk) => {
      if (stdoutBytes < 65_536) head.push(chunk);
      stdoutBytes += chunk.length;
    });
    const stderr = [];
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (status, signal) => resolve(status ?? signal));
    });
    clearTimeout(timer);
    const wallMs = performance.now() - started;
    const rssBytes = Number(await readFile(rssFile, 'utf8').catch(() => 'NaN'));
    const stdout = pipe ? Buffer.concat(head).toString('utf8') : await readFile(outFile, 'utf8');
    return { code, wallMs, rssBytes, stdout, stdoutBytes: pipe ? stdoutBytes : Buffer.byteLength(stdout), stderr: Buffer.concat(stderr).toString('utf8') };
  } finally {
    await out.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
