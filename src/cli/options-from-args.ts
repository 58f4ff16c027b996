import path from 'node:path';

import type { CommandOptions } from '../commands/command-options.js';
import type { ParsedArgs } from './parse-args.js';
import { parseNumberFlag } from './parse-args.js';

// Flags → the options every command takes. Only what was given is set, so dwsync.yaml fills the rest.
export function optionsFromArgs(values: ParsedArgs['values'], cwd: string): CommandOptions {
  const options: CommandOptions = { root: path.resolve(cwd, typeof values.C === 'string' ? values.C : '.') };
  if (typeof values.state === 'string') options.state = values.state;
  if (typeof values.endpoint === 'string') options.endpoint = values.endpoint;
  if (typeof values.region === 'string') options.region = values.region;
  const concurrency = parseNumberFlag(values, 'concurrency', { integer: true, min: 1, max: 256 });
  if (concurrency !== undefined) options.concurrency = concurrency;
  const qps = parseNumberFlag(values, 'qps', { min: 0, max: 10_000 });
  if (qps !== undefined) options.qps = qps;
  if (Array.isArray(values.only)) options.only = values.only;
  if (values.refresh) options.refresh = true;
  if (values.force) options.force = true;
  if (values.deploy) options.deploy = true;
  if (values['no-deploy']) options.deploy = false;
  return options;
}
