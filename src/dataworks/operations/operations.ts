import { CreateDISyncTask } from './create-di-sync-task.js';
import { CreateNode } from './create-node.js';
import { CreatePipelineRun } from './create-pipeline-run.js';
import type { OperationVersion } from './define-operation.js';
import { DeleteNode } from './delete-node.js';
import { DeleteFile } from './delete-file.js';
import { DeployFile } from './deploy-file.js';
import { ExecPipelineRunStage } from './exec-pipeline-run-stage.js';
import { GetDeployment } from './get-deployment.js';
import { GetFile } from './get-file.js';
import { GetNode } from './get-node.js';
import { GetPipelineRun } from './get-pipeline-run.js';
import { GetProject } from './get-project.js';
import { GetProject2024 } from './get-project-2024.js';
import { ListDataSources } from './list-data-sources.js';
import { ListDataSources2024 } from './list-data-sources-2024.js';
import { ListFiles } from './list-files.js';
import { ListNodes } from './list-nodes.js';
import { ListResourceGroups } from './list-resource-groups.js';
import { ListResourceGroups2024 } from './list-resource-groups-2024.js';
import { SubmitFile } from './submit-file.js';
import { UpdateDISyncTask } from './update-di-sync-task.js';
import { UpdateNode } from './update-node.js';
import { UpdateFile } from './update-file.js';

// Every operation dwsync speaks, by its OpenAPI name; an operation of the 2024-05-18 API whose name the
// 2020-05-18 API also has is keyed with a "2024" suffix (its definition's `name` is the action on the
// wire). Adding one: a definition file, an entry here, and the emulator's handler (its registry is
// typed over OperationName, so the compiler asks for it).
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
  // 2024-05-18 (new Data Studio)
  CreateNode,
  CreatePipelineRun,
  DeleteNode,
  ExecPipelineRunStage,
  GetNode,
  GetPipelineRun,
  GetProject2024,
  ListDataSources2024,
  ListNodes,
  ListResourceGroups2024,
  UpdateNode,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(operations, name);
}

// The registry key of the operation a request names by its action and API version, if dwsync speaks it.
export function findOperation(action: string, version: string): OperationName | null {
  return OPERATION_NAMES.find((key) => operations[key].name === action && operations[key].version === (version as OperationVersion)) ?? null;
}
