import { stat } from 'node:fs/promises';
import path from 'node:path';

import type { CommandOptions } from '../commands/command-options.js';
import { findRepositoryRoot } from '../tasks/find-repository-root.js';
import { UserInputError } from '../errors.js';
import type { CliIo } from './cli-io.js';
import type { FlagValues } from './command-table.js';

// Flags → the options every repository command takes (a command's own flags, such as validate's
// --remote, are read by its run-<command>.ts). Only what was given is set, so dwsync.yaml fills the rest. The root is found from -C DIR (or the current folder) as git finds its top level.
export async function optionsFromArgs(values: FlagValues, io: CliIo): Promise<CommandOptions> {
  const start = await readStartDirectory(values, io.cwd);
  const { root, foundBy } = await findRepositoryRoot(start);
  if (root !== start) {
    const why = foundBy === 'dwsync.yaml' ? 'the nearest folder with a dwsync.yaml' : 'the top level of the git repository';
    io.stderr.write(`dwsync: using the repository root ${root} (${why})\n`);
  }
  const options: CommandOptions = { root };
  if (typeof values.state === 'string') options.statePath = values.state;
  if (typeof values.endpoint === 'string') options.endpoint = values.endpoint;
  if (typeof values.region === 'string') options.region = values.region;
  if (typeof values.concurrency === 'number') options.concurrency = values.concurrency;
  if (typeof values.qps === 'number') options.qps = values.qps;
  if (Array.isArray(values.only)) options.only = values.only as string[];
  if (typeof values.workspace === 'number') options.workspace = values.workspace;
  if (values.refresh === true) options.refresh = true;
  if (values.force === true) options.force = true;
  if (typeof values.deploy === 'boolean') options.deploy = values.deploy;
  if (typeof values.prune === 'boolean') options.prune = values.prune;
  if (typeof values.maxDeletes === 'number') options.maxDeletes = values.maxDeletes;
  return options;
}

// -C DIR, like git and make: the folder to start from. It must exist.
export async function readStartDirectory(values: FlagValues, cwd: string): Promise<string> {
  if (typeof values.C !== 'string') return cwd;
  const dir = path.resolve(cwd, values.C);
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(dir)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserInputError(`-C ${values.C}: no such directory`);
    throw new UserInputError(`-C ${values.C}: cannot read it (${code ?? String(error)})`, { cause: error });
  }
  if (!isDirectory) throw new UserInputError(`-C ${values.C}: not a directory`);
  return dir;
}
