import { diffConfig, maskPatch } from '../core/plan/diff-config.js';
import { describeContent } from '../core/doctor/describe-content.js';
import type { AnswerCheck, DoctorReport, WriteProbe } from '../core/doctor/doctor-report.js';
import type { JsonValue } from '../core/text/json.js';
import type { CallOperation } from '../dataworks/create-operation-caller.js';
import { checkAnswer, listAbsentFields } from '../dataworks/operations/check-answer.js';
import type { OperationDefinition, OperationInput } from '../dataworks/operations/define-operation.js';
import { DI_RESOURCE_GROUP_TYPE } from '../dataworks/operations/list-resource-groups.js';
import { operations as op } from '../dataworks/operations/operations.js';
import { classifyError } from '../dataworks/classify-error.js';
import { UserInputError } from '../errors.js';
import type { ApiVersion } from '../core/config/api-version.js';
import { suggestApi, type ListingEvidence } from '../core/doctor/suggest-api.js';

export type InspectRequest = { projectId: number; fileId?: number | undefined; writeProbe: boolean; api: ApiVersion };
export type Inspection = Pick<DoctorReport, 'checks' | 'content' | 'writeProbe' | 'api'>;

// What `dwsync doctor` asks the service: GetProject, ListDataSources (one page), ListResourceGroups (the
// DI groups), ListFiles and GetFile of one workspace, each whole answer held against its operation's
// definition, so a call the credentials may not make shows up here, before a run needs it; what Content holds for one task; with writeProbe,
// that task's content sent back unchanged and read again. A failed call is a check that failed, never
// an error, except missing credentials.
export async function inspectWorkspace(call: CallOperation, request: InspectRequest): Promise<Inspection> {
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

  const { projectId } = request;
  const project = await inspect(op.GetProject, { ProjectId: projectId });
  const defaultGroup = project?.Data?.DefaultDiResourceGroupIdentifier || null;
  // What validate --remote and --refresh read: one page of data sources, and the DI resource groups.
  await inspect(op.ListDataSources, { ProjectId: projectId, PageNumber: 1, PageSize: 10 });
  await inspect(op.ListResourceGroups, { ResourceGroupType: DI_RESOURCE_GROUP_TYPE });
  const listed = await inspect(op.ListFiles, {
    ProjectId: projectId,
    FileTypes: '23',
    PageNumber: 1,
    PageSize: 10,
    NeedAbsoluteFolderPath: true,
    FileIdIn: request.fileId === undefined ? undefined : String(request.fileId),
  });
  const filesEvidence: ListingEvidence = listed ? { answered: true, diTasks: listed.Data?.Files?.length ?? 0 } : { answered: false, code: checks.at(-1)?.error?.code ?? 'Unknown' };
  const api = suggestApi(request.api, filesEvidence, await listNodesEvidence(projectId));
  const listedFile = listed?.Data?.Files?.find((f) => request.fileId === undefined || f.FileId === request.fileId);
  const fileId = request.fileId ?? listedFile?.FileId ?? null;
  let content: Inspection['content'] = null;
  let writeProbe: WriteProbe | null = null;
  if (fileId !== null && fileId !== undefined) {
    const file = (await inspect(op.GetFile, { ProjectId: projectId, FileId: fileId }))?.Data?.File;
    if (file) {
      const text = file.Content ?? '';
      content = describeContent({ fileId, fileName: file.FileName ?? '', folderPath: listedFile?.AbsoluteFolderPath ?? null, content: text }, defaultGroup);
      if (request.writeProbe) writeProbe = await probe(projectId, fileId, text);
    }
  }
  return { checks, content, writeProbe, api };

  // One page of the 2024-05-18 ListNodes, for the api evidence only (not a check: a legacy workspace may refuse it).
  async function listNodesEvidence(projectId: number): Promise<ListingEvidence> {
    try {
      const { answer } = await call(op.ListNodes, { ProjectId: projectId, Scene: 'DATAWORKS_PROJECT', PageNumber: 1, PageSize: 100 });
      return { answered: true, diTasks: (answer.PagingInfo?.Nodes ?? []).filter((n) => n.Script?.Runtime?.Command === 'DI').length };
    } catch (error) {
      if (error instanceof UserInputError) throw error;
      return { answered: false, code: classifyError(error).code };
    }
  }

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
