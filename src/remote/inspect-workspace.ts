import { diffConfig, maskPatch } from '../core/plan/diff-config.js';
import { describeContent } from '../core/doctor/describe-content.js';
import type { WriteProbe } from '../core/doctor/doctor-report.js';
import type { Inspection } from '../core/doctor/to-doctor-report.js';
import type { JsonValue } from '../core/text/json.js';
import type { CallOperation } from '../dataworks/create-operation-caller.js';
import { DI_RESOURCE_GROUP_TYPE } from '../dataworks/operations/list-resource-groups.js';
import { operations as op } from '../dataworks/operations/operations.js';
import type { ApiVersion } from '../core/config/api-version.js';
import { suggestApi, type ListingEvidence } from '../core/doctor/suggest-api.js';
import { createAnswerInspector } from './answer-inspector.js';
import { fetchNodesEvidence } from './fetch-listing-evidence.js';
import { inspectStudioWorkspace } from './inspect-studio-workspace.js';

export type InspectRequest = { projectId: number; fileId?: number | undefined; nodeId?: string | undefined; writeProbe: boolean; api: ApiVersion };

// What `dwsync doctor` asks the service, in the API generation dwsync.yaml gives the workspace. On
// 2020-05-18: GetProject, ListDataSources (one page), ListResourceGroups (the DI groups), ListFiles and
// GetFile of one workspace, each whole answer held against its operation's definition, so a call the
// credentials may not make shows up here, before a run needs it; what Content holds for one task; with
// writeProbe, that task's content sent back unchanged and read again. On 2024-05-18 the same for nodes
// (inspect-studio-workspace.ts). A failed call is a check that failed, never an error, except missing
// credentials.
export async function inspectWorkspace(call: CallOperation, request: InspectRequest): Promise<Inspection> {
  if (request.api === '2024-05-18') return inspectStudioWorkspace(call, request);
  const { checks, inspect, lastError } = createAnswerInspector(call);

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
  const filesEvidence: ListingEvidence = listed ? { answered: true, diTasks: listed.Data?.Files?.length ?? 0 } : { answered: false, code: lastError()?.code ?? 'Unknown' };
  const api = suggestApi(request.api, filesEvidence, await fetchNodesEvidence(call, projectId));
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
  return { checks, content, node: null, writeProbe, api };

  // Sends the content back as it is (no TaskParam) and shows what the service changed in it.
  async function probe(projectId: number, fileId: number, before: string): Promise<WriteProbe> {
    const sent = 'TaskContent unchanged, no TaskParam' as const;
    const updated = await inspect(op.UpdateDISyncTask, { ProjectId: projectId, FileId: fileId, TaskType: 'DI_OFFLINE', TaskContent: before });
    if (!updated) return { sent, outcome: 'failed', changes: [], error: lastError() ?? { code: 'Unknown', message: 'the update failed' } };
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
