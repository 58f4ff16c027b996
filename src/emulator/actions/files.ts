import { findTask, hasProject, listTasks, type EmulatorTask } from '../emulator-state.js';
import { fail, succeed, type ActionContext, type ActionHandler, type ActionOutcome } from './action-handler.js';
import { readOptionalLong, readRequiredLong } from './read-params.js';

// GetFile and ListFiles: how DataStudio shows its files. Every emulated file is a batch sync (23).

export const DI_FILE_TYPE = 23;
const MAX_PAGE_SIZE = 100;

export const getFile: ActionHandler = (params, ctx) => {
  const task = readRequestedTask(params, ctx);
  if ('ok' in task) return task;
  return succeed({
    File: { ...formatFileSummary(task), Content: task.taskContent },
    NodeConfiguration: {
      ResourceGroupIdentifier: readResourceGroup(task.taskParam),
      RerunMode: 'ALL_ALLOWED',
      CycleType: 'DAY',
      CronExpress: '00 00 00 * * ?',
      StartEffectDate: 0,
      EndEffectDate: 4155787800000,
      Stop: false,
      AutoRerunTimes: 3,
      AutoRerunIntervalMillis: 120000,
    },
  });
};

export const listFiles: ActionHandler = (params, ctx) => {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const pageNumber = readOptionalLong(params, 'PageNumber', 1);
  if (typeof pageNumber !== 'number') return pageNumber;
  const pageSize = readOptionalLong(params, 'PageSize', 10);
  if (typeof pageSize !== 'number') return pageSize;
  if (pageNumber < 1) return fail(400, 'InvalidParameter', `PageNumber must be at least 1, got ${pageNumber}.`);
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return fail(400, 'InvalidParameter', `PageSize must be between 1 and ${MAX_PAGE_SIZE}, got ${pageSize}.`);
  }
  if (!hasProject(ctx.state, projectId)) return projectNotFound(projectId);

  const types = (params.FileTypes ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
  const folder = params.FileFolderPath ?? '';
  const keyword = params.Keyword ?? '';
  const matching = listTasks(ctx.state).filter(
    (t) =>
      t.projectId === projectId &&
      (types.length === 0 || types.includes(String(DI_FILE_TYPE))) &&
      t.fileFolderPath.startsWith(folder) &&
      t.fileName.includes(keyword),
  );
  const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  const withContent = params.NeedContent === 'true';
  return succeed({
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: matching.length,
    Files: page.map((t) => (withContent ? { ...formatFileSummary(t), Content: t.taskContent } : formatFileSummary(t))),
  });
};

// The task a call's ProjectId and FileId name, or the answer the service gives when they are missing,
// malformed or name no file.
export function readRequestedTask(params: Record<string, string>, ctx: ActionContext): EmulatorTask | ActionOutcome {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const fileId = readRequiredLong(params, 'FileId');
  if (typeof fileId !== 'number') return fileId;
  return findTask(ctx.state, projectId, fileId) ?? fileNotFound(fileId);
}

export function fileNotFound(fileId: number) {
  return fail(400, 'Invalid.Tenant.FileNotExists', `The file does not exist. FileId:[${fileId}].`);
}

export function projectNotFound(projectId: number) {
  return fail(400, 'Invalid.Tenant.ProjectNotExists', `The project does not exist. ProjectId:[${projectId}].`);
}

function formatFileSummary(task: EmulatorTask) {
  return {
    FileId: task.fileId,
    FileName: task.fileName,
    FileFolderPath: task.fileFolderPath,
    FileType: DI_FILE_TYPE,
    NodeId: task.fileId + 1_000_000_000,
    CommitStatus: task.committed ? 1 : 0,
    UseType: 'NORMAL',
    Owner: 'emulator',
    LastEditTime: task.lastModified,
    ConnectionName: '',
    FileDescription: '',
  };
}

function readResourceGroup(taskParam: string): string {
  try {
    const parsed = JSON.parse(taskParam) as { ResourceGroup?: unknown };
    return typeof parsed.ResourceGroup === 'string' ? parsed.ResourceGroup : '';
  } catch {
    return '';
  }
}
