import type { LiveConfig } from '../core/plan/detect-drift.js';
import type { PlannedTask } from '../core/plan/plan-tasks.js';
import type { DeployRecord, TaskRecord } from '../core/state/state-schema.js';
import type { Task } from '../core/task/task.js';
import type { ApiVersion, Clock, DataWorksSession, ProjectMode } from '../ports.js';

// Where a task lives in DataWorks: a file (2020-05-18) or a node (2024-05-18).
export type TaskTarget = { fileId: number; nodeId?: undefined } | { nodeId: string; fileId?: undefined };

export type Found =
  | { kind: 'adopted'; target: TaskTarget; attempts: number }
  | { kind: 'created'; target: TaskTarget; requestId: string; attempts: number };

export type DeployDeps = DataWorksSession & {
  clock: Clock;
  projectMode: (projectId: number) => Promise<ProjectMode>;
  recordStage: (deploy: DeployRecord) => Promise<void>; // resolves once the stage is durable
};

// The calls one task's life needs, as each API generation makes them. Everything around them (the
// plan, the concurrency, the records, the outcomes, drift) is written once, in push-updates.ts,
// refresh-plan.ts and core/; only these differ between a file and a node.
export type TaskCalls = {
  api: ApiVersion;
  update(entry: PlannedTask, target: TaskTarget, deps: DataWorksSession & { onWarning?: (message: string) => void }): Promise<{ requestId: string; attempts: number }>;
  findOrCreate(task: Task & { name: string; folder: string }, deps: DataWorksSession): Promise<Found>;
  deploy(projectId: number, target: TaskTarget, comment: string, deps: DeployDeps): Promise<void>;
  remove(projectId: number, target: TaskTarget, deps: DataWorksSession & { clock: Clock }): Promise<{ requestId: string; attempts: number; alreadyGone: boolean }>;
  readLive(projectId: number, target: TaskTarget, deps: DataWorksSession): Promise<LiveConfig>;
  // Where the schedule takes a call of its own after the content's: sends the schedule's changes and
  // returns the record with the schedule applied (null: nothing to send). Absent where the schedule
  // travels with the content, in the same request.
  pushSchedule?(entry: PlannedTask, target: TaskTarget, record: TaskRecord, deps: DataWorksSession): Promise<TaskRecord | null>;
};

// The target a planned task has, once known: its own id, or the one the state learned.
export function targetOf(entry: Pick<PlannedTask, 'fileId' | 'nodeId'>): TaskTarget | null {
  if (entry.nodeId !== null) return { nodeId: entry.nodeId };
  if (entry.fileId !== null) return { fileId: entry.fileId };
  return null;
}
