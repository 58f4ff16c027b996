import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { doctor } from '../commands/doctor.js';
import { renderDoctorText } from '../doctor/render-doctor-text.js';
import { UserInputError } from '../errors.js';
import { EXIT } from '../exit-code.js';
import type { CliIo } from './cli-io.js';
import type { ParsedArgs } from './parse-args.js';

// Exit 0 when every answer was as documented (and the probe, if asked, went through); 3 otherwise.
export async function runDoctor(options: CommandOptions, values: ParsedArgs['values'], deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  const projectId = readId(values['project-id'], '--project-id');
  if (projectId === undefined) throw new UserInputError('doctor needs --project-id P, the DataWorks workspace id (e.g. dwsync doctor --project-id 10000)');
  const raw = values['file-id'];
  const fileIds = Array.isArray(raw) ? raw : [];
  if (fileIds.length > 1) throw new UserInputError('doctor looks at one task: give --file-id once');
  const fileId = readId(fileIds[0], '--file-id');
  const report = await doctor({ ...options, projectId, ...(fileId !== undefined ? { fileId } : {}), writeProbe: Boolean(values['write-probe']) }, deps);
  io.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : renderDoctorText(report));
  return report.ok ? EXIT.ok : EXIT.partial;
}

function readId(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const id = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(id) || id <= 0) {
    throw new UserInputError(`${flag} must be a positive integer, got "${String(value)}"`);
  }
  return id;
}
