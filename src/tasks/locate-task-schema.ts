import { access } from 'node:fs/promises';
import path from 'node:path';

export const SCHEMA_FILE = 'dwsync-task.schema.json';

// Where the task-file JSON Schema is in this repository, root-relative with forward slashes: a copy in
// the jobs folder if there is one (as in dwsync's own repository), else the installed package's
// (npm install -D dwsync puts it at node_modules/dwsync/jobs/). Without either, the jobs folder, where
// a user can copy it.
export async function locateTaskSchema(root: string, jobs: string): Promise<string> {
  const candidates = [path.posix.join(jobs, SCHEMA_FILE), `node_modules/dwsync/jobs/${SCHEMA_FILE}`];
  for (const candidate of candidates) {
    try {
      await access(path.join(root, candidate));
      return candidate;
    } catch {
      // not there: try the next place
    }
  }
  return candidates[0]!;
}
