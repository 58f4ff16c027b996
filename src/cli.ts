import type { CommandDeps } from './commands/command-options.js';
import { systemClock } from './dataworks/system-clock.js';
import { describeError, EXIT } from './exit-code.js';
import type { CliIo } from './cli/cli-io.js';
import { stderrLogger } from './cli/cli-io.js';
import { optionsFromArgs } from './cli/options-from-args.js';
import { parseCliArgs } from './cli/parse-args.js';
import { USAGE } from './cli/usage.js';
import { VERSION } from './version.js';

// Arguments in, exit status out. Everything the process offers (streams, env, signals) comes in `io`,
// so tests drive this function directly.
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const { command, values } = parseCliArgs(argv);
    if (command === 'help') return void io.stdout.write(USAGE), EXIT.ok;
    if (command === 'version') return void io.stdout.write(`dwsync ${VERSION}\n`), EXIT.ok;
    // Each command's modules load only when it runs: validate and plan never load the Alibaba SDK.
    if (command === 'emulator') return await (await import('./cli/run-emulator.js')).runEmulator(values, io);
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
        return await (await import('./cli/run-validate.js')).runValidate(options, io, json, deps);
      case 'plan': {
        const flags = { json, detailedExitcode: Boolean(values['detailed-exitcode']) };
        return await (await import('./cli/run-plan.js')).runPlan(options, deps, io, flags);
      }
      case 'apply':
        return await (await import('./cli/run-apply.js')).runApply(options, deps, io, json);
      case 'import':
        return await (await import('./cli/run-import.js')).runImport(options, values, deps, io, json);
      case 'unlock':
        return await (await import('./cli/run-unlock.js')).runUnlock(options, deps, io);
    }
  } catch (error) {
    const { exitCode, lines } = describeError(error);
    for (const line of lines) io.stderr.write(`${line}\n`);
    return exitCode;
  }
}
