import type { CommandDeps } from './commands/command-options.js';
import { systemClock } from './dataworks/system-clock.js';
import { describeError, EXIT } from './exit-code.js';
import type { CliIo } from './cli/cli-io.js';
import { stderrLogger } from './cli/cli-io.js';
import { optionsFromArgs } from './cli/options-from-args.js';
import { parseCliArgs } from './cli/parse-args.js';
import { runApply } from './cli/run-apply.js';
import { runEmulator } from './cli/run-emulator.js';
import { runPlan } from './cli/run-plan.js';
import { runUnlock } from './cli/run-unlock.js';
import { runValidate } from './cli/run-validate.js';
import { runImport } from './cli/run-import.js';
import { USAGE } from './cli/usage.js';
import { VERSION } from './version.js';

// Arguments in, exit status out. Everything the process offers (streams, env, signals) comes in `io`,
// so tests drive this function directly.
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const { command, values } = parseCliArgs(argv);
    if (command === 'help') return void io.stdout.write(USAGE), EXIT.ok;
    if (command === 'version') return void io.stdout.write(`dwsync ${VERSION}\n`), EXIT.ok;
    if (command === 'emulator') return await runEmulator(values, io);
    const options = optionsFromArgs(values, io.cwd);
    const json = Boolean(values.json);
    const deps: CommandDeps = {
      clock: systemClock,
      logger: stderrLogger(io),
      env: io.env,
      ...(io.signal ? { signal: io.signal } : {}),
    };
    switch (command) {
      case 'validate':
        return await runValidate(options, io, json);
      case 'plan':
        return await runPlan(options, deps, io, { json, detailedExitcode: Boolean(values['detailed-exitcode']) });
      case 'apply':
        return await runApply(options, deps, io, json);
      case 'import':
        return await runImport(options, values, deps, io, json);
      case 'unlock':
        return await runUnlock(options, deps, io);
    }
  } catch (error) {
    const { exitCode, lines } = describeError(error);
    for (const line of lines) io.stderr.write(`${line}\n`);
    return exitCode;
  }
}
