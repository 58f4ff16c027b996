import type { CommandDeps } from '../commands/command-options.js';
import { systemClock } from '../system-clock.js';
import type { CliIo } from './cli-io.js';
import { stderrLogger } from './cli-io.js';
import type { FlagSpec } from './flag-specs.js';
import { FLAGS, REPO_FLAGS } from './flag-specs.js';
import { optionsFromArgs } from './options-from-args.js';

export type FlagValues = Record<string, unknown>; // commander's camelCase names: detailedExitcode, projectId
export type CliCommand = {
  name: string;
  summary: string;
  flags: FlagSpec[];
  run(values: FlagValues, io: CliIo): Promise<number>;
};

// Every command: its one-line summary, the flags it takes, and what runs it. Adding a command or a flag
// is an entry here (and the flag's spec in flag-specs.ts). Each command's modules load only when it
// runs: validate and plan never load the Alibaba SDK.
export const COMMANDS: CliCommand[] = [
  {
    name: 'validate',
    summary: 'parse and check every task file (no state, no network)',
    flags: [...REPO_FLAGS, FLAGS.remote],
    run: async (values, io) => (await import('./run-validate.js')).runValidate(await optionsFromArgs(values, io), values, commandDeps(io), io, json(values)),
  },
  {
    name: 'plan',
    summary: 'show what apply would do',
    flags: [...REPO_FLAGS, FLAGS.detailedExitcode, FLAGS.refresh, FLAGS.deploy, FLAGS.noDeploy, FLAGS.prune, FLAGS.noPrune, FLAGS.maxDeletes],
    run: async (values, io) => {
      const flags = { json: json(values), detailedExitcode: values.detailedExitcode === true };
      return (await import('./run-plan.js')).runPlan(await optionsFromArgs(values, io), commandDeps(io), io, flags);
    },
  },
  {
    name: 'apply',
    summary: 'push every changed task, recording each outcome as it happens',
    flags: [...REPO_FLAGS, FLAGS.refresh, FLAGS.force, FLAGS.deploy, FLAGS.noDeploy, FLAGS.prune, FLAGS.noPrune, FLAGS.maxDeletes],
    run: async (values, io) => (await import('./run-apply.js')).runApply(await optionsFromArgs(values, io), commandDeps(io), io, json(values)),
  },
  {
    name: 'import',
    summary: 'write task files for tasks that already exist in DataWorks',
    flags: [...REPO_FLAGS, FLAGS.projectId, FLAGS.fileId, FLAGS.nodeId, FLAGS.folder, FLAGS.out, FLAGS.overwrite],
    run: async (values, io) =>
      (await import('./run-import.js')).runImport(await optionsFromArgs(values, io), values, commandDeps(io), io, json(values)),
  },
  {
    name: 'doctor',
    summary: 'check what DataWorks answers against the API models (read-only unless --write-probe)',
    flags: [FLAGS.json, FLAGS.state, FLAGS.endpoint, FLAGS.region, FLAGS.doctorProjectId, FLAGS.doctorFileId, FLAGS.doctorNodeId, FLAGS.writeProbe],
    run: async (values, io) =>
      (await import('./run-doctor.js')).runDoctor(await optionsFromArgs(values, io), values, commandDeps(io), io, json(values)),
  },
  {
    name: 'rekey',
    summary: 'name the tasks of a workspace moved to the new Data Studio by their nodes (task files and state)',
    flags: [FLAGS.json, FLAGS.state, FLAGS.endpoint, FLAGS.region, FLAGS.qps, FLAGS.rekeyProjectId, FLAGS.dryRun, FLAGS.rekeyMap],
    run: async (values, io) => (await import('./run-rekey.js')).runRekey(await optionsFromArgs(values, io), values, commandDeps(io), io, json(values)),
  },
  {
    name: 'workspaces',
    summary: 'list the DataWorks workspaces the task files use (for a CI matrix)',
    flags: REPO_FLAGS,
    run: async (values, io) => (await import('./run-workspaces.js')).runWorkspaces(await optionsFromArgs(values, io), commandDeps(io), io, json(values)),
  },
  {
    name: 'unlock',
    summary: 'remove a state lock left by a run that is gone',
    flags: REPO_FLAGS,
    run: async (values, io) => (await import('./run-unlock.js')).runUnlock(await optionsFromArgs(values, io), commandDeps(io), io, json(values)),
  },
  {
    name: 'emulator',
    summary: 'run a local DataWorks-compatible endpoint',
    flags: [FLAGS.port, FLAGS.seed, FLAGS.newStudio, FLAGS.latencyMs, FLAGS.emulatorQps, FLAGS.failRate, FLAGS.quotaAfter, FLAGS.mode],
    run: async (values, io) => (await import('./run-emulator.js')).runEmulator(values, io),
  },
];

function json(values: FlagValues): boolean {
  return values.json === true;
}

function commandDeps(io: CliIo): CommandDeps {
  return { clock: systemClock, logger: stderrLogger(io), env: io.env, ...(io.signal ? { signal: io.signal } : {}) };
}
