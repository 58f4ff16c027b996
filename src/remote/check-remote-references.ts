import type { DataWorksSession } from '../ports.js';
import type { ApiOf } from '../core/config/api-version.js';
import { checkReferences } from '../core/references/check-references.js';
import type { Problem } from '../core/problem.js';
import type { Task } from '../core/task/task.js';
import { fetchWorkspaces } from './fetch-workspaces.js';
import { locateReferenceIssues } from './locate-reference-issues.js';

// The tasks' datasources and resource groups against what their workspaces have, as located problems:
// errors for missing datasources, warnings for unlisted resource groups.
export async function checkRemoteReferences(
  root: string,
  tasks: readonly Task[],
  session: DataWorksSession,
  apiOf?: ApiOf,
): Promise<Problem[]> {
  if (tasks.length === 0) return [];
  const workspaces = await fetchWorkspaces(tasks.map((task) => task.projectId), session, apiOf);
  return locateReferenceIssues(root, checkReferences(tasks, workspaces));
}
