import type { JsonObject } from './json.js';

// One declared task, as loaded from a valid task document.
export type Task = {
  key: string; // `${projectId}/${fileId}`
  projectId: number;
  fileId: number;
  file: string; // repository-relative path of the task file, forward slashes
  line: number; // where the document starts (1-based), for messages
  column: number;
  description?: string;
  deploy?: boolean;
  taskParam: JsonObject; // e.g. { ResourceGroup: "S_res_group_x", Cu: 2 }
  taskContent: JsonObject; // the code-editor job JSON, in the author's key order
};

export function taskKey(projectId: number, fileId: number): string {
  return `${projectId}/${fileId}`;
}
