import { scheduleFromNodeConfiguration, type NodeConfiguration } from '../core/schedule/node-configuration.js';
import type { z } from 'zod';
import type { Deployment, FileSummary, LiveFile, ProjectMode } from '../ports.js';
import type { GetDeployment } from './operations/get-deployment.js';
import type { GetFile } from './operations/get-file.js';
import { PROJECT_MODE_CODE, type GetProject } from './operations/get-project.js';
import type { ListFiles } from './operations/list-files.js';
import { invalidAnswer, requestIdOf } from './parse-answer.js';
import { scrubMessage } from './scrub-message.js';

// From parsed answers to what the port returns. Pure.

type ListedFile = NonNullable<NonNullable<NonNullable<z.infer<typeof ListFiles.response>['Data']>['Files']>[number]>;

export function toLiveFile(answer: z.infer<typeof GetFile.response>, status: number): LiveFile {
  const file = answer.Data?.File;
  if (!file || typeof file.FileId !== 'number') throw invalidAnswer(status, requestIdOf(answer), 'GetFile answered without Data.File');
  const node = answer.Data?.NodeConfiguration;
  const schedule = node ? { schedule: scheduleFromNodeConfiguration(node as NodeConfiguration) } : {};
  return { fileId: file.FileId, fileName: file.FileName ?? '', fileType: file.FileType ?? 0, content: file.Content ?? '', ...schedule };
}

export function toFileSummary(file: ListedFile): FileSummary {
  return { fileId: file.FileId ?? 0, fileName: file.FileName ?? '', folderPath: file.AbsoluteFolderPath ?? '', fileType: file.FileType ?? 0 };
}

// DeployedItems[].Status values that end a deployment badly: 2 error, 4 deploy error, 6 rejected.
const FAILED_ITEM_STATUSES = new Set([2, 4, 6]);
const CHECK_FAILED = 7;
const CHECKING = 8;

// Done only when Status is 1 and CheckingStatus is empty; a failed check (7), a failed package (2) or a
// failed deployed item ends it as failed, with the service's message when it gave one.
export function toDeployment(answer: z.infer<typeof GetDeployment.response>, status: number): Omit<Deployment, 'requestId'> {
  const deployment = answer.Data?.Deployment;
  if (!deployment) throw invalidAnswer(status, requestIdOf(answer), 'GetDeployment answered without Data.Deployment');
  const message = deployment.ErrorMessage ? scrubMessage(deployment.ErrorMessage) : null;
  const checking = deployment.CheckingStatus ?? null;
  const failedItem = (answer.Data?.DeployedItems ?? []).find((item) => item.Status != null && FAILED_ITEM_STATUSES.has(item.Status));
  if (deployment.Status === 2) return { status: 'failed', checking: false, errorMessage: message };
  if (checking === CHECK_FAILED) return { status: 'failed', checking: false, errorMessage: message ?? 'the pre-publish check failed (CheckingStatus 7)' };
  if (failedItem) {
    return { status: 'failed', checking: false, errorMessage: message ?? `file ${failedItem.FileId ?? '?'} was not published (DeployedItems Status ${failedItem.Status})` };
  }
  if (deployment.Status === 1 && checking === null) return { status: 'success', checking: false, errorMessage: null };
  if (deployment.Status === 0 || deployment.Status === 1) return { status: 'pending', checking: checking === CHECKING, errorMessage: null };
  throw invalidAnswer(status, requestIdOf(answer), `unknown deployment status ${String(deployment.Status)}`);
}

// ProjectMode 2 is basic, 3 standard; without it, a DEV environment means standard.
export function toProjectMode(data: NonNullable<z.infer<typeof GetProject.response>['Data']>): ProjectMode {
  if (data.ProjectMode != null) return data.ProjectMode === PROJECT_MODE_CODE.standard ? 'standard' : 'basic';
  return (data.EnvTypes ?? []).includes('DEV') ? 'standard' : 'basic';
}
