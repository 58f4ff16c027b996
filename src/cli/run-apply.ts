import { apply } from '../commands/apply.js';
import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { renderApplyText } from '../core/render-apply-text.js';
import { EXIT } from '../exit-code.js';
import type { CliIo } from './cli-io.js';
import { useColor } from './cli-io.js';
import { formatProgress } from './progress-line.js';

export async function runApply(options: CommandOptions, deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  // A live progress line only for a person at a terminal: never under --json or in CI logs.
  const showProgress = !json && Boolean(io.stderr.isTTY) && io.env.CI !== 'true';
  const started = deps.clock.now();
  const onProgress: CommandDeps['onProgress'] = showProgress
    ? (progress) => void io.stderr.write(`\r\u001b[2K${formatProgress(progress, deps.clock.now() - started)}`)
    : undefined;
  const report = await apply(options, { ...deps, ...(onProgress ? { onProgress } : {}) });
  if (showProgress) io.stderr.write('\r\u001b[2K');
  if (json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(renderApplyText(report, { color: useColor(io.stdout, io.env) }));
  return report.summary.failed + report.summary.skipped > 0 ? EXIT.partial : EXIT.ok;
}
