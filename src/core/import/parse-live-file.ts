import { DI_FILE_TYPE } from '../../dataworks/operations/file-fields.js';
import { isJsonObject, type JsonObject } from '../text/json.js';
import type { ResultError } from '../plan/report.js';
import { parseContentTaskParam, splitContent } from '../task/service-managed-content.js';
import type { LiveFile } from '../../ports.js';
import { errorMessage } from '../../errors.js';


// The task document import writes, in the order a task file shows it.
export type ImportedDocument = {
  projectId: number;
  fileId?: number; // a file of a 2020-05-18 workspace,
  nodeId?: string; // or a node of a 2024-05-18 one
  taskParam: JsonObject;
  taskContent: JsonObject; // DataWorks' key order, as JSON.parse keeps it; service-managed keys left out
  schedule?: JsonObject; // GetFile's NodeConfiguration as it is (never the scheduling resource group: GetFile has no identifier)
};

// Where the task's Data Integration resource group came from.
export type GroupSource = 'content' | 'workspace-default';

export type ParsedLiveFile = { ok: true; document: ImportedDocument; groupSource: GroupSource } | { ok: false; error: ResultError };

// A live file → the task document to write. Pure.
//
// GetFile has no DI resource group field: the service keeps the node's group in Content.extend.resourceGroup
// (and its CU in extend.cu). Without it, the workspace default (GetProject DefaultDiResourceGroupIdentifier)
// is what the node runs on, and the caller says so in the report. Never NodeConfiguration.ResourceGroupId:
// that is the scheduling group. With neither, the task is not imported: a made-up group would plan
// "unchanged" and then move the task on its next apply.
export function parseLiveFile(projectId: number, live: LiveFile, workspaceDefaultGroup: string | null = null): ParsedLiveFile {
  if (live.fileType !== DI_FILE_TYPE) {
    return failure('NotBatchSyncTask', `file ${live.fileId} is not a batch sync task: expected FileType ${DI_FILE_TYPE}, got ${live.fileType}`);
  }
  let content: unknown;
  try {
    content = JSON.parse(live.content);
  } catch (cause) {
    const detail = errorMessage(cause);
    const shown = live.content.trim() === '' ? 'empty content' : `content that is not JSON (${detail})`;
    return failure('InvalidTaskContent', `file ${live.fileId} has ${shown}: expected the job JSON of the code editor`);
  }
  if (!isJsonObject(content)) {
    return failure('InvalidTaskContent', `file ${live.fileId} has content that is not a JSON object: expected the job JSON of the code editor`);
  }
  const kept = parseContentTaskParam(content);
  const group = kept.resourceGroup ?? workspaceDefaultGroup;
  if (group === null) {
    return failure(
      'ResourceGroupUnknown',
      `file ${live.fileId} names no Data Integration resource group (no extend.resourceGroup in its content) and the workspace has no default ` +
        '(GetProject DefaultDiResourceGroupIdentifier); write its task file by hand with taskParam.ResourceGroup set',
    );
  }
  const taskParam: JsonObject = { ResourceGroup: group, ...(kept.cu !== null ? { Cu: kept.cu } : {}) };
  const author = splitContent(content).author as JsonObject;
  return {
    ok: true,
    document: { projectId, fileId: live.fileId, taskParam, taskContent: author, ...(live.schedule && Object.keys(live.schedule).length > 0 ? { schedule: live.schedule } : {}) },
    groupSource: kept.resourceGroup !== null ? 'content' : 'workspace-default',
  };
}

function failure(code: string, message: string): ParsedLiveFile {
  return { ok: false, error: { code, message } };
}
