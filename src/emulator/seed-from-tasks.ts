import { isJsonObject, type JsonValue } from '../core/text/json.js';
import type { Task } from '../core/task/task.js';
import { addDataSource, addResourceGroup, type EmulatorDataSource, type EmulatorState, type TaskSeed } from './emulator-state.js';

// `--seed DIR`: an empty task for every task declared there, and in its workspace every data source a
// step names (parameter.datasource, parameter.connection[].datasource, typed by the step's stepType),
// and the DI resource group its taskParam names. Pure.
//
// A task given by name and folder has no file yet (apply creates it): it is not seeded here, only its
// references are (seedNamedTaskReferences).
export function seedFromTasks(tasks: readonly Task[]): TaskSeed[] {
  return tasks.flatMap((task) => {
    if (task.fileId === null) return [];
    const group = isJsonObject(task.taskParam) ? task.taskParam['ResourceGroup'] : undefined;
    return {
      projectId: task.projectId,
      fileId: task.fileId,
      ...(typeof group === 'string' && group !== '' ? { resourceGroup: group } : {}),
      dataSources: findDataSources(task.taskContent),
    };
  });
}

// The workspace, data sources and DI resource group of each task given by name, so that the task can
// be created and its references check out, as for a seeded task.
export function seedNamedTaskReferences(state: EmulatorState, tasks: readonly Task[]): void {
  for (const task of tasks) {
    if (task.fileId !== null) continue;
    state.projects.add(task.projectId);
    const group = task.taskParam['ResourceGroup'];
    addResourceGroup(state, typeof group === 'string' && group !== '' ? group : null);
    for (const source of findDataSources(task.taskContent)) addDataSource(state, task.projectId, source);
  }
}

export function findDataSources(content: JsonValue): EmulatorDataSource[] {
  const steps = isJsonObject(content) && Array.isArray(content['steps']) ? content['steps'] : [];
  const found = new Map<string, EmulatorDataSource>();
  for (const step of steps) {
    if (!isJsonObject(step) || !isJsonObject(step['parameter'])) continue;
    const type = typeof step['stepType'] === 'string' ? step['stepType'] : 'unknown';
    const parameter = step['parameter'];
    const names = [parameter['datasource']];
    if (Array.isArray(parameter['connection'])) for (const c of parameter['connection']) if (isJsonObject(c)) names.push(c['datasource']);
    for (const name of names) if (typeof name === 'string' && name !== '' && !found.has(name)) found.set(name, { name, type });
  }
  return [...found.values()];
}
