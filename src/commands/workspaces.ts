import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Task } from '../core/task/task.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { loadValidTasks } from './load-tasks.js';
import { resolveSettings } from './resolve-settings.js';
import type { WorkspacesReport } from '../core/config/workspaces-report.js';
import type { Settings } from '../core/config/settings.js';

// Fan-out per workspace: a `state` path holding {projectId} gives every DataWorks workspace its own
// state file, and so its own lock and its own git history, and lets CI run one job per workspace.
// --workspace ID restricts any command to that workspace's tasks, whatever the state path.

export const WORKSPACE_PLACEHOLDER = '{projectId}';

export function isFannedOut(settings: Pick<Settings, 'statePath'>): boolean {
  return settings.statePath.includes(WORKSPACE_PLACEHOLDER);
}

// The settings of one workspace: its tasks only, and its own state file when the path is a template.
export function forWorkspace(settings: Settings, projectId: number): Settings {
  return { ...settings, workspace: projectId, statePath: settings.statePath.replaceAll(WORKSPACE_PLACEHOLDER, String(projectId)) };
}

export function inWorkspace(tasks: Task[], settings: Pick<Settings, 'workspace'>): Task[] {
  return settings.workspace === null ? tasks : tasks.filter((task) => task.projectId === settings.workspace);
}

// A record belongs to a workspace by its key ("projectId/…").
export function isKeyInWorkspace(key: string, workspace: number | null): boolean {
  return workspace === null || key.startsWith(`${workspace}/`);
}

// The workspaces a command covers: the one given with --workspace, else every workspace the task
// files use, plus (with a state template) every workspace that still has a state file, so the orphans
// of a workspace whose task files were all removed are still reported.
export async function listWorkspaces(settings: Settings, tasks: Task[]): Promise<number[]> {
  if (settings.workspace !== null) return [settings.workspace];
  const ids = new Set(tasks.map((task) => task.projectId));
  if (isFannedOut(settings)) for (const id of await workspacesWithState(settings.statePath)) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}

// Only a placeholder in the file name is looked for on disk; one in a folder name is not listed.
async function workspacesWithState(template: string): Promise<number[]> {
  const name = path.basename(template);
  if (!name.includes(WORKSPACE_PLACEHOLDER)) return [];
  const [before, after] = [name.slice(0, name.indexOf(WORKSPACE_PLACEHOLDER)), name.slice(name.indexOf(WORKSPACE_PLACEHOLDER) + WORKSPACE_PLACEHOLDER.length)];
  const names = await readdir(path.dirname(template)).catch(() => [] as string[]);
  const ids: number[] = [];
  for (const entry of names) {
    if (!entry.startsWith(before) || !entry.endsWith(after)) continue;
    const id = entry.slice(before.length, entry.length - after.length);
    if (/^[1-9]\d*$/.test(id)) ids.push(Number(id));
  }
  return ids;
}

// Runs `run` once per workspace the command covers (or once, unchanged, without fan-out or
// --workspace), one after another, each with its workspace's settings and tasks.
export async function forEachWorkspace<R>(settings: Settings, tasks: Task[], run: (settings: Settings, tasks: Task[]) => Promise<R>): Promise<R[]> {
  if (!isFannedOut(settings) && settings.workspace === null) return [await run(settings, tasks)];
  const results: R[] = [];
  for (const id of await listWorkspaces(settings, tasks)) {
    const scoped = forWorkspace(settings, id);
    results.push(await run(scoped, inWorkspace(tasks, scoped)));
  }
  return results;
}

// `dwsync workspaces`: the list a CI matrix runs one job per entry of.
export async function workspaces(options: CommandOptions, deps: Pick<CommandDeps, 'env' | 'logger'>): Promise<WorkspacesReport> {
  const settings = await resolveSettings(options, deps.env);
  const tasks = await loadValidTasks(settings, 'no workspace was listed', deps.logger);
  const fannedOut = isFannedOut(settings);
  const listed = (await listWorkspaces(settings, tasks)).map((projectId) => ({
    projectId,
    tasks: tasks.filter((task) => task.projectId === projectId).length,
    state: fannedOut ? forWorkspace(settings, projectId).statePath : settings.statePath,
  }));
  return { formatVersion: 1, perWorkspaceState: fannedOut, workspaces: listed };
}
