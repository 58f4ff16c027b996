import type { CommandDeps } from '../commands/command-options.js';
import type { CliIo } from './cli-io.js';
import { CLEAR_LINE, renderProgressLine } from '../views/progress-line.js';

// A live progress line on stderr, only for a person at a terminal: never under --json or in CI logs.
// Returns the callback to pass as deps.onProgress (undefined when quiet) and how to clear the line.
export function progressReporter(io: CliIo, deps: CommandDeps, json: boolean): { onProgress?: CommandDeps['onProgress']; clear(): void } {
  if (json || !io.stderr.isTTY || io.env.CI === 'true') return { clear() {} };
  const started = deps.clock.now();
  return {
    onProgress: (progress) => void io.stderr.write(renderProgressLine(progress, deps.clock.now() - started)),
    clear: () => void io.stderr.write(CLEAR_LINE),
  };
}
