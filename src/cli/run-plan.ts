import { preparePlan } from '../commands/plan.js';
import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { toPlanReport } from '../core/plan-tasks.js';
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
  const { planned } = await preparePlan(options, deps);
  const report = toPlanReport(planned);
  if (flags.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(renderPlanText(planned, { color: useColor(io.stdout, io.env) }));
  // Anything apply would act on, or that needs a person: updates, undeployed tasks, drift, missing tasks.
  const changes = report.changes.some((c) => c.action === 'update' || c.undeployed || c.drift || c.live === 'missing');
  return flags.detailedExitcode && changes ? EXIT.changes : EXIT.ok;
}
