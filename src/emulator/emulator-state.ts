import type { Fault } from './faults.js';
import { createStudioState, type StudioState } from './studio-state.js';

// Everything the emulator remembers. Handlers mutate it; tests may read it through `emulator.state`.

export type EmulatorTask = {
  projectId: number;
  fileId: number;
  fileName: string;
  fileFolderPath: string;
  taskContent: string; // the last accepted TaskContent string; "" for a seeded, never-updated task
  taskParam: string;
  updates: number; // accepted UpdateDISyncTask calls
  changedSinceDeploy: boolean; // updated or edited since the last finished deployment
  committed: boolean; // submitted (standard mode: in DEV) since the last change
  deployed: boolean; // the current content reached production
  lastModified: number; // ms since the epoch
  nodeConfiguration?: EmulatorNodeConfiguration; // the schedule UpdateFile set (GetFile answers it over the defaults)
};

export type EmulatorNodeConfiguration = Record<string, string | number | boolean | { Input: string; ParseType: string }[]>;

export type DeploymentKind = 'submit' | 'deploy' | 'delete';

export type Deployment = {
  id: number;
  projectId: number;
  fileId: number;
  kind: DeploymentKind;
  comment: string;
  createTime: number;
  polls: number; // GetDeployment calls so far
  fails: boolean; // decided when created: the task's content asked for a failure
  checkFails: string | null; // a submit whose pre-publish check will fail, with the check's message
  finished: boolean; // its effect on the task has been applied
};

// A Data Integration resource group (ListResourceGroups, type 4) or a workspace's data source.
export type EmulatorResourceGroup = { identifier: string; name: string };
export type EmulatorDataSource = { name: string; type: string };

export type CallRecord = {
  action: string;
  version?: string; // the API version the call named (x-acs-version or Version)
  method: string; // the HTTP method
  parameters: Record<string, string>; // query and body together
  query: Record<string, string>; // where each parameter arrived
  body: Record<string, string>;
  status: number | null; // null when the socket was destroyed without an answer
  code?: string;
  answer?: unknown; // the JSON body answered, when the API answered one
  requestId?: string;
  time: string; // ISO 8601
};

export type QueuedFault = { fault: Fault; action: string | null; remaining: number };

export type EmulatorState = {
  tasks: Map<string, EmulatorTask>; // by "projectId/fileId"
  deployments: Map<number, Deployment>;
  calls: CallRecord[];
  faults: QueuedFault[];
  nonces: Map<string, number>; // signature nonce -> when seen, to refuse replays
  admitted: number[]; // times of calls admitted by the QPS window, oldest first
  apiCalls: number; // calls that reached the API, for the quota
  nextDeploymentId: number;
  nextFileId: number;
  clientTokens: Map<string, number>; // CreateDISyncTask ClientToken -> the fileId it created
  resourceGroups: EmulatorResourceGroup[]; // the tenant's DI resource groups
  resourceGroupsSet: boolean; // set explicitly: then a group not listed is refused as invalid
  dataSources: Map<number, EmulatorDataSource[]>; // by projectId
  projects: Set<number>; // workspaces that exist even with no task left in them
  studio: StudioState; // the new-Data-Studio (2024-05-18) workspaces, nodes and pipeline runs
};

export type TaskSeed = {
  projectId: number;
  fileId: number;
  fileName?: string;
  fileFolderPath?: string;
  taskContent?: string;
  taskParam?: string;
  resourceGroup?: string; // the DI group the task file names: it exists (the task itself stays empty)
  dataSources?: EmulatorDataSource[]; // data sources the task names, created in its workspace
};

// The workspace default DI resource group GetProject reports; it always exists.
export const DEFAULT_DI_RESOURCE_GROUP = 'S_res_group_emulator';

export function createEmulatorState(): EmulatorState {
  return {
    tasks: new Map(),
    deployments: new Map(),
    calls: [],
    faults: [],
    nonces: new Map(),
    admitted: [],
    apiCalls: 0,
    nextDeploymentId: 1_000_000_001,
    nextFileId: 900_000_001,
    clientTokens: new Map(),
    resourceGroups: [{ identifier: DEFAULT_DI_RESOURCE_GROUP, name: 'emulator default' }],
    resourceGroupsSet: false,
    dataSources: new Map(),
    projects: new Set(),
    studio: createStudioState(),
  };
}

export function taskKeyOf(projectId: number, fileId: number): string {
  return `${projectId}/${fileId}`;
}

export function findTask(state: EmulatorState, projectId: number, fileId: number): EmulatorTask | undefined {
  return state.tasks.get(taskKeyOf(projectId, fileId));
}

export function hasProject(state: EmulatorState, projectId: number): boolean {
  return state.projects.has(projectId);
}

// Creates the task, or replaces its fields when it exists (keeping its counters).
export function seedTask(state: EmulatorState, seed: TaskSeed, now: number): EmulatorTask {
  const existing = findTask(state, seed.projectId, seed.fileId);
  const task: EmulatorTask = {
    projectId: seed.projectId,
    fileId: seed.fileId,
    fileName: seed.fileName ?? existing?.fileName ?? `di_${seed.fileId}`,
    fileFolderPath: seed.fileFolderPath ?? existing?.fileFolderPath ?? 'Business Flow/dwsync/Data Integration',
    taskContent: seed.taskContent ?? existing?.taskContent ?? '',
    taskParam: seed.taskParam ?? existing?.taskParam ?? '',
    updates: existing?.updates ?? 0,
    changedSinceDeploy: existing?.changedSinceDeploy ?? false,
    committed: existing?.committed ?? true,
    deployed: existing?.deployed ?? true,
    lastModified: now,
  };
  state.tasks.set(taskKeyOf(task.projectId, task.fileId), task);
  state.projects.add(task.projectId);
  addResourceGroup(state, seed.resourceGroup ?? readTaskParamGroup(task.taskParam));
  for (const source of seed.dataSources ?? []) addDataSource(state, task.projectId, source);
  return task;
}

// Every group a seeded task names exists; so does every data source it names, in its workspace.
export function addResourceGroup(state: EmulatorState, identifier: string | null): void {
  if (!identifier || state.resourceGroups.some((g) => g.identifier === identifier)) return;
  state.resourceGroups.push({ identifier, name: identifier });
}

// Replaces the tenant's DI resource groups; from then on a group not listed is refused as invalid.
export function setResourceGroups(state: EmulatorState, identifiers: string[]): void {
  state.resourceGroups = [...new Set(identifiers)].map((identifier) => ({ identifier, name: identifier }));
  state.resourceGroupsSet = true;
}

export function addDataSource(state: EmulatorState, projectId: number, source: EmulatorDataSource): void {
  const list = state.dataSources.get(projectId) ?? [];
  if (!list.some((d) => d.name === source.name)) list.push(source);
  state.dataSources.set(projectId, list);
}

export function readTaskParamGroup(taskParam: string): string | null {
  try {
    const parsed = JSON.parse(taskParam) as { ResourceGroup?: unknown };
    return typeof parsed.ResourceGroup === 'string' && parsed.ResourceGroup.trim() !== '' ? parsed.ResourceGroup : null;
  } catch {
    return null;
  }
}

// A change made outside the API, as an edit in the DataWorks console would be.
export function editTask(
  state: EmulatorState,
  ref: { projectId: number; fileId: number },
  change: { taskContent?: string; taskParam?: string; nodeConfiguration?: EmulatorNodeConfiguration },
  now: number,
): EmulatorTask {
  const task = findTask(state, ref.projectId, ref.fileId) ?? seedTask(state, ref, now);
  if (change.taskContent !== undefined) task.taskContent = change.taskContent;
  if (change.taskParam !== undefined) task.taskParam = change.taskParam;
  if (change.nodeConfiguration !== undefined) task.nodeConfiguration = { ...task.nodeConfiguration, ...change.nodeConfiguration };
  markChanged(task, now);
  return task;
}

export function markChanged(task: EmulatorTask, now: number): void {
  task.changedSinceDeploy = true;
  task.committed = false;
  task.deployed = false;
  task.lastModified = now;
}

export function listTasks(state: EmulatorState): EmulatorTask[] {
  return [...state.tasks.values()].sort((a, b) => a.projectId - b.projectId || a.fileId - b.fileId);
}
