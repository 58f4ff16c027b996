import { DI_FILE_TYPE } from '../../dataworks/operations/file-fields.js';
import { findTask, hasProject, listTasks, type EmulatorTask } from '../emulator-state.js';
import { answer, fail, type AnswerBody, type HandlerContext, type OperationHandler, type Failed } from './operation-handler.js';
import { formatContent } from './di-task-checks.js';
import { readPage, readRequiredLong } from './read-params.js';
import { DEFAULT_NODE_CONFIGURATION } from './update-file.js';

// GetFile and ListFiles: how DataStudio shows its files. Every emulated file is a batch sync (23).
// Neither has a DI resource group field; GetFile has no folder path (ListFiles has AbsoluteFolderPath).

export { DI_FILE_TYPE };
const MAX_FILE_IDS = 50;

export const getFile: OperationHandler<'GetFile'> = (params, ctx) => {
  const task = readRequestedTask(params, ctx);
  if (!('fileId' in task)) return task;
  return answer('GetFile', {
    Success: true,
    HttpStatusCode: 200,
    Data: {
      File: { ...formatFileSummary(task), Content: formatContent(task.taskContent, task.taskParam), DeletedStatus: 'NORMAL' },
      // What UpdateFile set, over a never-scheduled file's defaults. ResourceGroupIdentifier is not
      // part of the model's answer (only the numeric ResourceGroupId).
      NodeConfiguration: nodeConfigurationOf(task),
    },
  });
};

export const listFiles: OperationHandler<'ListFiles'> = (params, ctx) => {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const paging = readPage(params);
  if (!('pageNumber' in paging)) return paging;
  const { pageNumber, pageSize } = paging;
  const ids = (params.FileIdIn ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (ids.length > MAX_FILE_IDS) return fail(400, 'InvalidParameter', `FileIdIn takes at most ${MAX_FILE_IDS} ids, got ${ids.length}.`);
  if (!hasProject(ctx.state, projectId)) return projectNotFound(projectId);

  const types = (params.FileTypes ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
  const folder = params.FileFolderPath ?? '';
  const keyword = params.Keyword ?? '';
  const exact = params.ExactFileName;
  const matching = listTasks(ctx.state).filter(
    (t) =>
      t.projectId === projectId &&
      (types.length === 0 || types.includes(String(DI_FILE_TYPE))) &&
      (ids.length === 0 || ids.includes(String(t.fileId))) &&
      t.fileFolderPath.startsWith(folder) &&
      t.fileName.includes(keyword) &&
      (exact === undefined || t.fileName === exact),
  );
  const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  const withContent = params.NeedContent === 'true';
  const withPath = params.NeedAbsoluteFolderPath === 'true';
  return answer('ListFiles', {
    Success: true,
    HttpStatusCode: 200,
    Data: {
      PageNumber: pageNumber,
      PageSize: pageSize,
      TotalCount: matching.length,
      Files: page.map((t) => ({
        ...formatFileSummary(t),
        ...(withPath ? { AbsoluteFolderPath: t.fileFolderPath } : {}),
        ...(withContent ? { Content: formatContent(t.taskContent, t.taskParam) } : {}),
      })),
    },
  });
};

// The task a call's ProjectId and FileId name, or the answer the service gives when they are missing,
// malformed or name no file.
export function readRequestedTask(params: Record<string, string>, ctx: HandlerContext): EmulatorTask | Failed {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const fileId = readRequiredLong(params, 'FileId');
  if (typeof fileId !== 'number') return fileId;
  return findTask(ctx.state, projectId, fileId) ?? fileNotFound(fileId);
}

// The real code for a file that does not exist is not documented; this follows the documented
// Invalid.Tenant.<Thing>NotExists family (Invalid.Tenant.ProjectNotExists and
// Invalid.Tenant.ConnectionNotExists are the SDK models' error examples).
export function fileNotFound(fileId: number): Failed {
  return fail(400, 'Invalid.Tenant.FileNotExists', `The file does not exist. FileId:[${fileId}].`);
}

// Documented: the SDK models give Invalid.Tenant.ProjectNotExists, "The project does not exist.".
export function projectNotFound(projectId: number): Failed {
  return fail(400, 'Invalid.Tenant.ProjectNotExists', `The project does not exist. ProjectId:[${projectId}].`);
}

function formatFileSummary(task: EmulatorTask) {
  return {
    FileId: task.fileId,
    FileName: task.fileName,
    FileType: DI_FILE_TYPE,
    FileFolderId: `folder_${task.projectId}`,
    NodeId: task.fileId + 1_000_000_000,
    CommitStatus: task.committed ? 1 : 0,
    UseType: 'NORMAL',
    Owner: 'emulator',
    LastEditTime: task.lastModified,
    ConnectionName: '',
    FileDescription: '',
  };
}

function nodeConfigurationOf(task: EmulatorTask) {
  const { ResourceGroupIdentifier: _identifier, ...shown } = { ...DEFAULT_NODE_CONFIGURATION, ...task.nodeConfiguration };
  return shown as NonNullable<AnswerBody<'GetFile'>['Data']>['NodeConfiguration'];
}
