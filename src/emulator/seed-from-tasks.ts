import { isJsonObject, type JsonValue } from '../core/json.js';
import type { Task } from '../core/task.js';
import type { EmulatorDataSource, TaskSeed } from './emulator-state.js';

// `--seed DIR`: an empty task for every task declared there, and in its workspace every data source a
// step names (parameter.datasource, parameter.connection[].datasource, typed by the step's stepType),
// and the DI resource group its taskParam names. Pure.
export function seedFromTasks(tasks: readonly Task[]): TaskSeed[] {
  return tasks.map((task) => {
    const group = isJsonObject(task.taskParam) ? task.taskParam['ResourceGroup'] : undefined;
    return {
      projectId: task.projectId,
      fileId: task.fileId,
      ...(typeof group === 'string' && group !== '' ? { resourceGroup: group } : {}),
      dataSources: findDataSources(task.taskContent),
    };
  });
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
