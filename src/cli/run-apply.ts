import { apply } from '../commands/apply.js';
import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { renderApplyJsonPieces } from '../views/render-apply-json.js';
import { writePieces } from './write-pieces.js';
import { renderApplyText } from '../views/render-apply-text.js';
import { EXIT } from '../exit-code.js';
import type { CliIo } from './cli-io.js';
import { useColor } from './cli-io.js';
import { progressReporter } from './progress-reporter.js';

export async function runApply(options: CommandOptions, deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  const line = progressReporter(io, deps, json);
  const report = await apply(options, { ...deps, ...(line.progress ? { progress: line.progress } : {}) });
  line.clear();
  if (json) await writePieces(io.stdout, renderApplyJsonPieces(report));
  else io.stdout.write(renderApplyText(report, { color: useColor(io.stdout, io.env) }));
  return report.summary.failed + report.summary.skipped > 0 ? EXIT.partial : EXIT.ok;
}
