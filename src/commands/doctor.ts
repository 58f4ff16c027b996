import { diffConfig, maskPatch } from '../core/plan/diff-config.js';
import type { JsonValue } from '../core/text/json.js';
import type { CallOperation } from '../dataworks/create-operation-caller.js';
import type { CreateDataWorksOptions } from '../dataworks/create-sdk-caller.js';
import { checkAnswer, listAbsentFields } from '../dataworks/operations/check-answer.js';
import type { OperationDefinition, OperationInput } from '../dataworks/operations/define-operation.js';
import { operations as op } from '../dataworks/operations/operations.js';
import { classifyError } from '../dataworks/classify-error.js';
import { describeContent } from '../core/doctor/describe-content.js';
import type { AnswerCheck, DoctorReport, WriteProbe } from '../core/doctor/doctor-report.js';
import { UserInputError } from '../errors.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { resolveSettings } from './resolve-settings.js';

export type DoctorOptions = CommandOptions & { projectId: number; fileId?: number; writeProbe?: boolean };

export type DoctorDeps = Pick<CommandDeps, 'env'> & {
  // Builds the operation caller for the endpoint; tests pass one with the emulator's key.
  createCaller?: (options: CreateDataWorksOptions) => { call: CallOperation; url: string; verify(): Promise<void> };
};

// `dwsync doctor`: what only the real service can settle. Reads GetProject, ListFiles and GetFile of one
// workspace and holds every whole answer against the operation definitions; reports what Content holds
// for one task; with --write-probe, sends that task's content back unchanged and reads it again.
export async function doctor(options: DoctorOptions, deps: DoctorDeps): Promise<DoctorReport> {
  const settings = await resolveSettings(options, deps.env);
  const create = deps.createCaller ?? (await defaultCaller());
  const { call, url, verify } = create({ endpoint: settings.endpoint, region: settings.region });
  await verify();
  const checks: AnswerCheck[] = [];

  // One call whose whole answer is checked; its parsed answer, or null when it failed.
  async function inspect<D extends OperationDefinition>(operation: D, input: OperationInput<D['params']>) {
    try {
      const { answer, body } = await call(operation, input);
      const problems = checkAnswer(operation.response, body);
      const requestId = typeof body['RequestId'] === 'string' ? body['RequestId'] : null;
      checks.push({ operation: operation.name, requestId, outcome: problems.length > 0 ? 'differs' : 'as-documented', problems, absent: listAbsentFields(operation.response, body) });
      return answer;
    } catch (error) {
      if (error instanceof UserInputError) throw error;
      const remote = classifyError(error);
      checks.push({ operation: operation.name, requestId: remote.requestId, outcome: 'failed', problems: [], absent: [], error: { code: remote.code, message: remote.message } });
      return null;
    }
  }

  const projectId = options.projectId;
  const project = await inspect(op.GetProject, { ProjectId: projectId });
  const defaultGroup = project?.Data?.DefaultDiResourceGroupIdentifier || null;
  const listed = await inspect(op.ListFiles, {
    ProjectId: projectId,
    FileTypes: '23',
    PageNumber: 1,
    PageSize: 10,
    NeedAbsoluteFolderPath: true,
    FileIdIn: options.fileId === undefined ? undefined : String(options.fileId),
  });
  const listedFile = listed?.Data?.Files?.find((f) => options.fileId === undefined || f.FileId === options.fileId);
  const fileId = options.fileId ?? listedFile?.FileId ?? null;
  let content: DoctorReport['content'] = null;
  let writeProbe: WriteProbe | null = null;
  if (fileId !== null && fileId !== undefined) {
    const file = (await inspect(op.GetFile, { ProjectId: projectId, FileId: fileId }))?.Data?.File;
    if (file) {
      const text = file.Content ?? '';
      content = describeContent({ fileId, fileName: file.FileName ?? '', folderPath: listedFile?.AbsoluteFolderPath ?? null, content: text }, defaultGroup);
      if (options.writeProbe) writeProbe = await probe(projectId, fileId, text);
    }
  }
  const ok = checks.every((c) => c.outcome === 'as-documented') && (writeProbe === null || writeProbe.outcome !== 'failed');
  return { formatVersion: 1, endpoint: url, projectId, ok, checks, content, writeProbe };

  // Sends the content back as it is (no TaskParam) and shows what the service changed in it.
  async function probe(projectId: number, fileId: number, before: string): Promise<WriteProbe> {
    const sent = 'TaskContent unchanged, no TaskParam' as const;
    const updated = await inspect(op.UpdateDISyncTask, { ProjectId: projectId, FileId: fileId, TaskType: 'DI_OFFLINE', TaskContent: before });
    if (!updated) return { sent, outcome: 'failed', changes: [], error: checks.at(-1)?.error ?? { code: 'Unknown', message: 'the update failed' } };
    const after = (await inspect(op.GetFile, { ProjectId: projectId, FileId: fileId }))?.Data?.File?.Content;
    if (after === undefined || after === null) return { sent, outcome: 'failed', changes: [], error: { code: 'NoContent', message: 'GetFile after the update showed no content' } };
    const changes = maskPatch(diffConfig(parseOrText(before), parseOrText(after)));
    return { sent, outcome: changes.length === 0 ? 'unchanged' : 'changed', changes };
  }
}

function parseOrText(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

// Loaded here, not at start-up: the SDK costs about half a second.
async function defaultCaller(): Promise<NonNullable<DoctorDeps['createCaller']>> {
  const { createSdkCaller } = await import('../dataworks/create-sdk-caller.js');
  return (options) => {
    const { call, url, credential } = createSdkCaller(options);
    return { call, url, verify: async () => void (await credential.getCredential()) };
  };
}
