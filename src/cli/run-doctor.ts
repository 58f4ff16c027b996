import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { doctor } from '../commands/doctor.js';
import { renderDoctorJson } from '../views/render-doctor-json.js';
import { renderDoctorText } from '../views/render-doctor-text.js';
import { UserInputError } from '../errors.js';
import { EXIT } from '../exit-code.js';
import type { CliIo } from './cli-io.js';
import { readIdFlag } from './flag-specs.js';
import type { FlagValues } from './command-table.js';

// Exit 0 when every answer was as documented (and the probe, if asked, went through); 3 otherwise.
export async function runDoctor(options: CommandOptions, values: FlagValues, deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  const projectId = readIdFlag(values.projectId, '--project-id');
  if (projectId === undefined) throw new UserInputError('doctor needs --project-id P, the DataWorks workspace id (e.g. dwsync doctor --project-id 10000)');
  const fileId = readIdFlag(values.fileId, '--file-id');
  const nodeId = readNodeIdFlag(values.nodeId);
  const report = await doctor({ ...options, projectId, ...(fileId !== undefined ? { fileId } : {}), ...(nodeId !== undefined ? { nodeId } : {}), writeProbe: values.writeProbe === true }, deps);
  io.stdout.write(json ? renderDoctorJson(report) : renderDoctorText(report));
  return report.ok ? EXIT.ok : EXIT.partial;
}

// A node id is a string of digits that may pass what a JavaScript number holds exactly: kept as text.
function readNodeIdFlag(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[1-9]\d*$/.test(raw)) throw new UserInputError(`--node-id must be a node id (digits), got "${String(raw)}"`);
  return raw;
}
