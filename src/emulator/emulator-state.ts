import type { Fault } from './faults.js';

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
};

export type DeploymentKind = 'submit' | 'deploy';

export type Deployment = {
  id: number;
  projectId: number;
  fileId: number;
  kind: DeploymentKind;
  comment: string;
  createTime: number;
  polls: number; // GetDeployment calls so far
  fails: boolean; // decided when created: the task's content asked for a failure
  finished: boolean; // its effect on the task has been applied
};

export type CallRecord = {
  action: string;
  parameters: Record<string, string>;
  status: number | null; // null when the socket was destroyed without an answer
  code?: string;
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
};

export type TaskSeed = {
  projectId: number;
  fileId: number;
  fileName?: string;
  fileFolderPath?: string;
  taskContent?: string;
  taskParam?: string;
};

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
  };
}

export function taskKeyOf(projectId: number, fileId: number): string {
  return `${projectId}/${fileId}`;
}

export function findTask(state: EmulatorState, projectId: number, fileId: number): EmulatorTask | undefined {
  return state.tasks.get(taskKeyOf(projectId, fileId));
}

export function hasProject(state: EmulatorState, projectId: number): boolean {
  for (const task of state.tasks.values()) if (task.projectId === projectId) return true;
  return false;
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
  return task;
}

// A change made outside the API, as an edit in the DataWorks console would be.
export function editTask(
  state: EmulatorState,
  ref: { projectId: number; fileId: number },
  change: { taskContent?: string; taskParam?: string },
  now: number,
): EmulatorTask {
  const task = findTask(state, ref.projectId, ref.fileId) ?? seedTask(state, ref, now);
  if (change.taskContent !== undefined) task.taskContent = change.taskContent;
  if (change.taskParam !== undefined) task.taskParam = change.taskParam;
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
