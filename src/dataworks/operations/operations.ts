import { CreateDISyncTask } from './create-di-sync-task.js';
import { DeleteFile } from './delete-file.js';
import { DeployFile } from './deploy-file.js';
import { GetDeployment } from './get-deployment.js';
import { GetFile } from './get-file.js';
import { GetProject } from './get-project.js';
import { ListDataSources } from './list-data-sources.js';
import { ListFiles } from './list-files.js';
import { ListResourceGroups } from './list-resource-groups.js';
import { SubmitFile } from './submit-file.js';
import { UpdateDISyncTask } from './update-di-sync-task.js';
import { UpdateFile } from './update-file.js';

// Every operation dwsync speaks, by its OpenAPI name. Adding one: a definition file, an entry here, and
// the emulator's handler (its registry is typed over OperationName, so the compiler asks for it).
export const operations = {
  CreateDISyncTask,
  DeleteFile,
  DeployFile,
  GetDeployment,
  GetFile,
  GetProject,
  ListDataSources,
  ListFiles,
  ListResourceGroups,
  SubmitFile,
  UpdateDISyncTask,
  UpdateFile,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(operations, name);
}
