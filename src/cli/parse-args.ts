import { parseArgs } from 'node:util';

import { UserInputError } from '../errors.js';

export const COMMANDS = ['validate', 'plan', 'apply', 'import', 'unlock', 'emulator', 'doctor'] as const;
export type CommandName = (typeof COMMANDS)[number];

export type ParsedArgs = {
  command: CommandName | 'help' | 'version';
  values: Record<string, string | boolean | string[] | undefined>;
};

const OPTIONS = {
  C: { type: 'string', short: 'C' },
  json: { type: 'boolean' },
  state: { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  concurrency: { type: 'string' },
  qps: { type: 'string' },
  only: { type: 'string', multiple: true },
  'detailed-exitcode': { type: 'boolean' },
  refresh: { type: 'boolean' },
  force: { type: 'boolean' },
  deploy: { type: 'boolean' },
  'no-deploy': { type: 'boolean' },
  'project-id': { type: 'string' },
  'file-id': { type: 'string', multiple: true },
  folder: { type: 'string' },
  out: { type: 'string' },
  overwrite: { type: 'boolean' },
  'write-probe': { type: 'boolean' },
  port: { type: 'string' },
  seed: { type: 'string' },
  'latency-ms': { type: 'string' },
  'fail-rate': { type: 'string' },
  'quota-after': { type: 'string' },
  mode: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserInputError(`${(error as Error).message}. Run "dwsync --help" for usage.`, { cause: error });
  }
  const { values, positionals } = parsed;
  if (values.version) return { command: 'version', values };
  const [name, ...extra] = positionals;
  if (values.help || name === undefined || name === 'help') return { command: 'help', values };
  if (!(COMMANDS as readonly string[]).includes(name)) {
    throw new UserInputError(`unknown command "${name}"; expected one of: ${COMMANDS.join(', ')}`);
  }
  if (extra.length > 0) throw new UserInputError(`unexpected argument "${extra[0]}" after "${name}"`);
  return { command: name as CommandName, values };
}

export function parseNumberFlag(
  values: ParsedArgs['values'],
  flag: string,
  check: { integer?: boolean; min: number; max?: number },
): number | undefined {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const ok = raw !== '' && Number.isFinite(value) && value >= check.min && (check.max === undefined || value <= check.max);
  if (!ok || (check.integer && !Number.isInteger(value))) {
    const kind = check.integer ? 'an integer' : 'a number';
    const range = check.max === undefined ? `>= ${check.min}` : `from ${check.min} to ${check.max}`;
    throw new UserInputError(`--${flag} must be ${kind} ${range}, got "${String(raw)}"`);
  }
  return value;
}
