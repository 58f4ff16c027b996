import { preparePlan } from '../commands/plan.js';
import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { hasChanges } from '../core/plan/has-changes.js';
import { toPlanReport } from '../core/plan/plan-tasks.js';
import { renderPlanJsonPieces } from '../views/render-plan-json.js';
import { renderPlanText } from '../views/render-plan-text.js';
import { renderProblemsText } from '../views/render-problems-text.js';
import { EXIT } from '../exit-code.js';
import type { CliIo } from './cli-io.js';
import { useColor } from './cli-io.js';
import { writePieces } from './write-pieces.js';

export async function runPlan(
  options: CommandOptions,
  deps: CommandDeps,
  io: CliIo,
  flags: { json: boolean; detailedExitcode: boolean },
): Promise<number> {
  const { planned, settings, warnings } = await preparePlan(options, deps);
  if (warnings.length > 0) io.stderr.write(renderProblemsText([], warnings));
  const report = toPlanReport(planned, { prune: settings.prune });
  if (flags.json) await writePieces(io.stdout, renderPlanJsonPieces(report));
  else io.stdout.write(renderPlanText(planned, { color: useColor(io.stdout, io.env), prune: settings.prune }));
  const changes = hasChanges(report.changes);
  return flags.detailedExitcode && changes ? EXIT.changes : EXIT.ok;
}
