import type { Issue } from './validate-schema.js';

// A task gives either fileId (an existing DataWorks file), nodeId (an existing node of the new Data
// Studio), or name and folder together (a task dwsync finds or creates). Types are the schema's business; this checks only which keys are present.
export function validateTaskIdentity(data: Record<string, unknown>): Issue[] {
  const has = (key: string) => data[key] !== undefined;
  const ids = ['fileId', 'nodeId'].filter(has);
  if (ids.length === 2) {
    return [{ path: ['nodeId'], at: 'key', message: 'nodeId cannot be given with fileId: a task is either a file (2020-05-18 workspaces) or a node (2024-05-18 workspaces)' }];
  }
  const [id] = ids;
  if (id !== undefined) {
    return ['name', 'folder'].filter(has).map((key) => ({
      path: [key],
      at: 'key' as const,
      message: `${key} cannot be given with ${id}: expected either ${id} (an existing task) or name and folder (a task dwsync creates)`,
    }));
  }
  if (has('name') && !has('folder')) {
    return [{ path: ['folder'], message: 'folder is missing: a task given by name needs its DataWorks folder path, e.g. folder: Business Flow/ods/Data Integration' }];
  }
  if (has('folder') && !has('name')) {
    return [{ path: ['name'], message: 'name is missing: a task given by folder needs its DataWorks file name, e.g. name: ods_users' }];
  }
  if (!has('name')) {
    return [{ path: ['fileId'], message: 'fileId is missing: expected a positive integer (or nodeId on a 2024-05-18 workspace), or name and folder for a task dwsync creates' }];
  }
  return [];
}
