import { formatPath } from '../text/format-path.js';
import { findReferences } from './find-references.js';
import { suggestKey } from '../text/suggest-key.js';
import type { Task } from '../task/task.js';
import type { TaskIssue } from '../task/task-issue.js';

// What the workspace has: the datasource names of each project (ListDataSources), the Data
// Integration resource group identifiers (ListResourceGroups), and, for the workspaces where they can
// be listed, the node outputs a schedule may depend on.
export type Workspaces = {
  datasources: ReadonlyMap<number, readonly string[]>; // by projectId
  resourceGroups: readonly string[];
  outputs?: ReadonlyMap<number, readonly string[]>; // by projectId; a workspace not in it is not checked
};

export type ReferenceIssue = TaskIssue;

// Every datasource a task names that its workspace lacks is an error, and so is a dependsOn output no
// node of a workspace whose outputs are known has; a ResourceGroup missing from the list is a warning
// only, as the list may not show every kind of group (serverless ones, for one).
// Pure: the lists are given.
export function checkReferences(tasks: readonly Task[], workspaces: Workspaces): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const groups = new Set(workspaces.resourceGroups);
  for (const task of tasks) {
    const names = workspaces.datasources.get(task.projectId) ?? [];
    const known = new Set(names);
    const outputs = workspaces.outputs?.get(task.projectId);
    for (const reference of findReferences(task)) {
      const where = formatPath(reference.path);
      if (reference.kind === 'datasource' && !known.has(reference.name)) {
        issues.push({
          task,
          path: reference.path,
          severity: 'error',
          message: `${where}: datasource ${JSON.stringify(reference.name)} does not exist in workspace ${task.projectId}${hint(reference.name, names)}`,
        });
      } else if (reference.kind === 'output' && outputs !== undefined && !outputs.includes(reference.name)) {
        issues.push({
          task,
          path: reference.path,
          severity: 'error',
          message: `${where}: no node in workspace ${task.projectId} has the output ${JSON.stringify(reference.name)}${hint(reference.name, outputs)}`,
        });
      } else if (reference.kind === 'resourceGroup' && !groups.has(reference.name)) {
        issues.push({
          task,
          path: reference.path,
          severity: 'warning',
          message: `${where}: ${JSON.stringify(reference.name)} is not among the Data Integration resource groups DataWorks lists${hint(reference.name, workspaces.resourceGroups)}`,
        });
      }
    }
  }
  return issues;
}

function hint(name: string, known: readonly string[]): string {
  const suggestion = suggestKey(name, known);
  if (suggestion) return ` (did you mean ${JSON.stringify(suggestion)}?)`;
  return known.length === 0 ? ' (it lists none)' : '';
}
