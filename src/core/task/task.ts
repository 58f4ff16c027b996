import type { Schedule } from '../schedule/schedule-schema.js';
import type { JsonObject } from '../text/json.js';

// One declared task, as loaded from a valid task document. A task names an existing DataWorks file by
// its fileId, or gives the name and folder of a file dwsync finds or creates (fileId null until then).
export type Task = {
  key: string; // `${projectId}/${fileId}` or `${projectId}/${nodeId}`, or `${projectId}/${folder}/${name}` for a named task
  projectId: number;
  fileId: number | null; // null for a named task or a node: the fileId dwsync learns is kept in the state
  nodeId?: string; // a node of the new Data Studio (2024-05-18); a named task's is learned likewise
  name?: string; // a named task's DataWorks file name
  folder?: string; // and its DataWorks folder path, e.g. "Business Flow/ods/Data Integration"
  file: string; // repository-relative path of the task file, forward slashes
  line: number; // where the document starts (1-based), for messages
  column: number;
  description?: string;
  deploy?: boolean;
  taskParam: JsonObject; // e.g. { ResourceGroup: "S_res_group_x", Cu: 2 }
  taskContent: JsonObject; // the code-editor job JSON, in the author's key order
  schedule?: Schedule; // absent: the service's schedule is left as it is
};

// A file's or a node's key: both are the workspace and the id. Which one a key names is the workspace's
// API generation (core/config/api-version.ts), not something the key says.
export function taskKey(projectId: number, id: number | string): string {
  return `${projectId}/${id}`;
}

export function namedTaskKey(projectId: number, folder: string, name: string): string {
  return `${projectId}/${folder}/${name}`;
}

// The parts of a key: an id key (a fileId or a nodeId) has two segments, a named key at least three
// (the folder has one or more, the name none). The id stays text: a node id may not fit a number.
export function parseTaskKey(key: string): { projectId: number; id: string } | { projectId: number; folder: string; name: string } {
  const parts = key.split('/');
  const projectId = Number(parts[0]);
  if (parts.length === 2) return { projectId, id: parts[1]! };
  return { projectId, folder: parts.slice(1, -1).join('/'), name: parts.at(-1) ?? '' };
}
