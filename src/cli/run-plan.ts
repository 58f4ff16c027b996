import { preparePlan } from '../commands/plan.js';
import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { toPlanReport } from '../core/plan-tasks.js';
import { formatProblem } from '../core/problem.js';
import { renderPlanText } from '../core/render-plan-text.js';
import { EXIT } from '../exit-code.js';
import type { CliIo } from './cli-io.js';
import { useColor } from './cli-io.js';

export async function runPlan(
  options: CommandOptions,
  deps: CommandDeps,
  io: CliIo,
  flags: { json: boolean; detailedExitcode: boolean },
): Promise<number> {
  const { planned, settings, warnings } = await preparePlan(options, deps);
  for (const warning of warnings) io.stderr.write(`${formatProblem(warning)}\n`);
  const report = toPlanReport(planned, { prune: settings.prune });
  if (flags.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(renderPlanText(planned, { color: useColor(io.stdout, io.env), prune: settings.prune }));
  // Anything apply would act on, or that needs a person: creates, updates, deletions, undeployed tasks, drift, missing tasks.
  const acts = new Set(['create', 'update', 'delete']);
  const changes = report.changes.some((c) => acts.has(c.action) || c.undeployed || c.drift || c.live === 'missing');
  return flags.detailedExitcode && changes ? EXIT.changes : EXIT.ok;
}
