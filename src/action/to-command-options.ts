import type { CommandOptions } from '../commands/command-options.js';
import type { ActionInputs } from './action-inputs.js';

// Inputs left empty stay unset, so dwsync.yaml decides them exactly as it does for the CLI.
export function toCommandOptions(inputs: ActionInputs, root: string): CommandOptions {
  return {
    root,
    ...(inputs.state !== undefined && { statePath: inputs.state }),
    ...(inputs.workspace !== undefined && { workspace: inputs.workspace }),
    ...(inputs.endpoint !== undefined && { endpoint: inputs.endpoint }),
    ...(inputs.concurrency !== undefined && { concurrency: inputs.concurrency }),
    ...(inputs.qps !== undefined && { qps: inputs.qps }),
    ...(inputs.only.length > 0 && { only: inputs.only }),
    refresh: inputs.refresh,
    force: inputs.force,
    ...(inputs.prune !== undefined && { prune: inputs.prune }),
    ...(inputs.maxDeletes !== undefined && { maxDeletes: inputs.maxDeletes }),
  };
}
