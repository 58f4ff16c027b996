import { describe, expect, it } from 'vitest';

import type { CliIo } from '../../src/cli/cli-io.js';
import { progressReporter } from '../../src/cli/progress-reporter.js';
import { createFakeClock } from '../support/fake-clock.js';

function terminal(env: Record<string, string> = {}): { io: CliIo; written: string[] } {
  const written: string[] = [];
  const io: CliIo = { stdout: { write: () => true }, stderr: { isTTY: true, write: (text) => void written.push(text) }, env, cwd: '/' };
  return { io, written };
}

describe('progressReporter', () => {
  it('counts the outcomes it is told, a failed or skipped one as failed, and redraws the line after each', async () => {
    const { io, written } = terminal();
    const clock = createFakeClock();
    const { progress } = progressReporter(io, { clock }, false);
    progress!.start(4);
    await clock.advance(1000);
    for (const outcome of ['applied', 'failed', 'skipped', 'created'] as const) progress!.finish(outcome);
    expect(written.map((line) => line.replace('\r\u001b[2K', ''))).toEqual([
      '[1/4] 1.0/s  ETA 3s',
      '[2/4] 2.0/s  ETA 1s  1 failed',
      '[3/4] 3.0/s  ETA 0s  2 failed',
      '[4/4] 4.0/s  ETA 0s  2 failed',
    ]);
  });

  it('starts counting again for the next workspace', () => {
    const { io, written } = terminal();
    const { progress } = progressReporter(io, { clock: createFakeClock() }, false);
    progress!.start(1);
    progress!.finish('failed');
    progress!.start(2);
    progress!.finish('written');
    expect(written.at(-1)).toContain('[1/2]');
    expect(written.at(-1)).not.toContain('failed');
  });

  it('is quiet under --json, in CI and off a terminal', () => {
    expect(progressReporter(terminal().io, { clock: createFakeClock() }, true).progress).toBeUndefined();
    expect(progressReporter(terminal({ CI: 'true' }).io, { clock: createFakeClock() }, false).progress).toBeUndefined();
    const piped: CliIo = { ...terminal().io, stderr: { write: () => true } };
    expect(progressReporter(piped, { clock: createFakeClock() }, false).progress).toBeUndefined();
  });
});
