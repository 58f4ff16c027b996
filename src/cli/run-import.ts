import type { CommandDeps, CommandOptions } from '../commands/command-options.js';
import { importTasks } from '../commands/import.js';
import type { ImportOptions } from '../commands/import.js';
import { UserInputError } from '../errors.js';
import { EXIT } from '../exit-code.js';
import { renderImportJsonPieces } from '../views/render-import-json.js';
import { writePieces } from './write-pieces.js';
import { renderImportText } from '../views/render-import-text.js';
import type { CliIo } from './cli-io.js';
import { readIdFlag } from './flag-specs.js';
import { useColor } from './cli-io.js';
import type { FlagValues } from './command-table.js';
import { progressReporter } from './progress-reporter.js';

// Exit 0 when every task was written (or already had a file) and the plan check passed; 1 otherwise.
export async function runImport(options: CommandOptions, values: FlagValues, deps: CommandDeps, io: CliIo, json: boolean): Promise<number> {
  const importOptions = readImportFlags(options, values);
  const line = progressReporter(io, deps, json);
  const report = await importTasks(importOptions, { ...deps, ...(line.progress ? { progress: line.progress } : {}) });
  line.clear();
  if (json) await writePieces(io.stdout, renderImportJsonPieces(report));
  else io.stdout.write(renderImportText(report, { color: useColor(io.stdout, io.env) }));
  return report.summary.failed > 0 || !report.check.ok ? EXIT.error : EXIT.ok;
}

export function readImportFlags(options: CommandOptions, values: FlagValues): ImportOptions {
  const projectId = readIdFlag(values.projectId, '--project-id');
  if (projectId === undefined) {
    throw new UserInputError('import needs --project-id P, the DataWorks workspace id (e.g. dwsync import --project-id 10000)');
  }
  const raw = values.fileId;
  const fileIds = (Array.isArray(raw) ? raw : []).flatMap((v) => v.split(',')).map((v) => readIdFlag(v.trim(), '--file-id')!);
  const result: ImportOptions = { ...options, projectId };
  if (fileIds.length > 0) result.fileIds = fileIds;
  const nodeIds = (Array.isArray(values.nodeId) ? values.nodeId : []).flatMap((v) => v.split(',')).map((v) => v.trim());
  for (const id of nodeIds) if (!/^[1-9]\d*$/.test(id)) throw new UserInputError(`--node-id must be node ids (digits), got ${JSON.stringify(id)}`);
  if (nodeIds.length > 0) result.nodeIds = nodeIds;
  if (result.fileIds && result.nodeIds) throw new UserInputError('--file-id names files of a 2020-05-18 workspace and --node-id nodes of a 2024-05-18 one: give one or the other');
  if (typeof values.folder === 'string') result.folder = values.folder;
  if (typeof values.out === 'string') result.out = values.out;
  if (values.overwrite) result.overwrite = true;
  if ((result.fileIds || result.nodeIds) && result.folder !== undefined) {
    throw new UserInputError(`--folder filters the listing, and ${result.fileIds ? '--file-id' : '--node-id'} skips it: give one or the other`);
  }
  return result;
}
