import type { DataWorksSession } from '../ports.js';
import type { ApiOf } from '../core/config/api-version.js';
import { checkReferences } from '../core/references/check-references.js';
import type { Problem } from '../core/problem.js';
import type { Task } from '../core/task/task.js';
import { fetchWorkspaces } from './fetch-workspaces.js';
import { locateTaskIssues } from '../tasks/locate-task-issues.js';

// The tasks' datasources, resource groups and (on 2024-05-18) dependsOn outputs against what their
// workspaces have, as located problems: errors for missing datasources and outputs, warnings for
// unlisted resource groups.
export async function checkRemoteReferences(
  root: string,
  tasks: readonly Task[],
  session: DataWorksSession,
  apiOf?: ApiOf,
): Promise<Problem[]> {
  if (tasks.length === 0) return [];
  const dependent = tasks.filter((task) => task.schedule?.dependsOn !== undefined).map((task) => task.projectId);
  const workspaces = await fetchWorkspaces(tasks.map((task) => task.projectId), session, apiOf, dependent);
  return locateTaskIssues(root, checkReferences(tasks, workspaces));
}
