import type { Schedule } from '../schedule/schedule-schema.js';
import type { JsonObject } from '../text/json.js';

// One declared task, as loaded from a valid task document. A task names an existing DataWorks file by
// its fileId, or gives the name and folder of a file dwsync finds or creates (fileId null until then).
export type Task = {
  key: string; // `${projectId}/${fileId}`, or `${projectId}/${folder}/${name}` for a named task
  projectId: number;
  fileId: number | null; // null for a named task: the fileId dwsync learns is kept in the state
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

export function taskKey(projectId: number, fileId: number): string {
  return `${projectId}/${fileId}`;
}

export function namedTaskKey(projectId: number, folder: string, name: string): string {
  return `${projectId}/${folder}/${name}`;
}

// The parts of a key: a fileId key has two segments, a named key at least three (the folder has one
// or more, the name none).
export function parseTaskKey(key: string): { projectId: number; fileId: number } | { projectId: number; folder: string; name: string } {
  const parts = key.split('/');
  const projectId = Number(parts[0]);
  if (parts.length === 2) return { projectId, fileId: Number(parts[1]) };
  return { projectId, folder: parts.slice(1, -1).join('/'), name: parts.at(-1) ?? '' };
}
