import type { Logger } from '../ports.js';

// write() returns false when the text had to be queued (a full pipe); `once('drain')` then says when
// the queue has gone out, as a Node stream does.
type OutputEvent = 'drain' | 'close' | 'error';
export type Output = {
  write(text: string): unknown;
  isTTY?: boolean;
  once?(event: OutputEvent, listener: () => void): unknown;
  removeListener?(event: OutputEvent, listener: () => void): unknown;
};

export type CliIo = {
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  cwd: string;
  signal?: AbortSignal; // Ctrl-C / SIGTERM: stop starting calls, finish the ones in flight
};

// Colour only on a terminal, never with a non-empty NO_COLOR (https://no-color.org: an empty one does
// not count) or in CI.
export function useColor(out: Output, env: CliIo['env']): boolean {
  return Boolean(out.isTTY) && !env.NO_COLOR && env.CI !== 'true' && env.TERM !== 'dumb';
}

export function stderrLogger(io: CliIo): Logger {
  return {
    info: (message) => void io.stderr.write(`${message}\n`),
    warn: (message) => void io.stderr.write(`warning: ${message}\n`),
    debug: (message) => {
      if (io.env.DWSYNC_DEBUG) io.stderr.write(`debug: ${message}\n`);
    },
  };
}
