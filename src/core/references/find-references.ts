import { isJsonObject } from '../text/json.js';
import type { PathSegment } from '../text/format-path.js';
import type { Task } from '../task/task.js';

// A name in a task that must exist in the workspace: a step's datasource, the DI resource group, or
// a node output the schedule depends on.
export type Reference = { kind: 'datasource' | 'resourceGroup' | 'output'; name: string; path: PathSegment[] };

// Every datasource a step names (parameter.datasource, parameter.connection[].datasource), the task's
// ResourceGroup and its schedule's dependsOn outputs, with the path where each is written. Pure.
export function findReferences(task: Task): Reference[] {
  const references: Reference[] = [];
  const steps = Array.isArray(task.taskContent.steps) ? task.taskContent.steps : [];
  steps.forEach((step, index) => {
    if (!isJsonObject(step) || !isJsonObject(step.parameter)) return;
    const parameter = step.parameter;
    const at = ['taskContent', 'steps', index, 'parameter'];
    if (typeof parameter.datasource === 'string' && parameter.datasource !== '') {
      references.push({ kind: 'datasource', name: parameter.datasource, path: [...at, 'datasource'] });
    }
    if (!Array.isArray(parameter.connection)) return;
    parameter.connection.forEach((connection, i) => {
      if (isJsonObject(connection) && typeof connection.datasource === 'string' && connection.datasource !== '') {
        references.push({ kind: 'datasource', name: connection.datasource, path: [...at, 'connection', i, 'datasource'] });
      }
    });
  });
  const group = task.taskParam.ResourceGroup;
  if (typeof group === 'string') references.push({ kind: 'resourceGroup', name: group, path: ['taskParam', 'ResourceGroup'] });
  task.schedule?.dependsOn?.forEach((output, i) => references.push({ kind: 'output', name: output, path: ['schedule', 'dependsOn', i] }));
  return references;
}
