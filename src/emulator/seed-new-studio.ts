import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { NodeSeed } from './studio-state.js';

// `--seed DIR` and the new Data Studio: dwsync.yaml's `workspaces: {"<id>": {api: "2024-05-18"}}` says
// which workspaces are new ones (any other is legacy). Read tolerantly: a missing or unreadable file,
// or another shape, means none.
export async function readNewStudioWorkspaces(root: string): Promise<number[]> {
  let text: string;
  try {
    text = await readFile(path.join(root, 'dwsync.yaml'), 'utf8');
  } catch {
    return [];
  }
  let config: unknown;
  try {
    config = parse(text);
  } catch {
    return [];
  }
  return findNewStudioWorkspaces(config);
}

export function findNewStudioWorkspaces(config: unknown): number[] {
  const workspaces = isObject(config) ? config['workspaces'] : undefined;
  if (!isObject(workspaces)) return [];
  return Object.entries(workspaces)
    .filter(([id, settings]) => /^[1-9]\d*$/.test(id) && isObject(settings) && settings['api'] === '2024-05-18')
    .map(([id]) => Number(id));
}

// A task of a new-Data-Studio workspace that names its node (nodeId) gets an empty DI node with that
// id; one given by name and folder gets nothing (apply creates it). Pure; reads the task tolerantly, as
// a task's nodeId is a newer field.
export function seedNodesFromTasks(tasks: readonly { projectId: number }[], newStudio: readonly number[]): NodeSeed[] {
  return tasks.flatMap((task) => {
    const nodeId = (task as { nodeId?: unknown }).nodeId;
    if (!newStudio.includes(task.projectId) || typeof nodeId !== 'string' || !/^\d+$/.test(nodeId)) return [];
    return [{ projectId: task.projectId, nodeId }];
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
