import type { JsonObject } from '../../src/core/text/json.js';
import type { Task } from '../../src/core/task/task.js';

// A task given by its fileId (the builders' default); a named task has fileId null.
export type FileIdTask = Task & { fileId: number };

// A realistic MySQL → MaxCompute task; override any field.
export function buildTask(overrides: Partial<Task> & { fileId?: number } = {}): FileIdTask {
  const projectId = overrides.projectId ?? 10000;
  const fileId = overrides.fileId ?? 1000001;
  const taskContent: JsonObject = {
    type: 'job',
    version: '2.0',
    steps: [
      {
        stepType: 'mysql',
        category: 'reader',
        name: 'Reader',
        parameter: { datasource: 'mysql_pub', table: ['u_pk'], column: ['id', 'name'], password: 'hunter2' },
      },
      {
        stepType: 'odps',
        category: 'writer',
        name: 'Writer',
        parameter: { datasource: 'odps_first', table: 'u_pk', partition: 'pt=${bizdate}' },
      },
    ],
    setting: { errorLimit: { record: '' }, speed: { concurrent: 2, throttle: false } },
    order: { hops: [{ from: 'Reader', to: 'Writer' }] },
  };
  return {
    key: `${projectId}/${fileId}`,
    projectId,
    fileId,
    file: `jobs/ods/task_${fileId}.yaml`,
    line: 1,
    column: 1,
    taskParam: { ResourceGroup: 'S_res_group_1_1', Cu: 2 },
    taskContent,
    ...overrides,
  };
}

// A task given by name and folder, as dwsync finds or creates it.
export function buildNamedTask(overrides: Partial<Task> & { name?: string; folder?: string } = {}): Task {
  const { fileId: _fileId, ...base } = buildTask();
  const name = overrides.name ?? 'ods_users';
  const folder = overrides.folder ?? 'Business Flow/ods/Data Integration';
  const projectId = overrides.projectId ?? base.projectId;
  return { ...base, fileId: null, name, folder, key: `${projectId}/${folder}/${name}`, file: `jobs/ods/${name}.yaml`, ...overrides };
}

// A task of a 2024-05-18 workspace, given by its node id.
export function buildNodeTask(overrides: Partial<Task> & { nodeId?: string } = {}): Task {
  const { fileId: _fileId, ...base } = buildTask();
  const projectId = overrides.projectId ?? 20000;
  const nodeId = overrides.nodeId ?? '7000123456789012345';
  return { ...base, projectId, fileId: null, nodeId, key: `${projectId}/${nodeId}`, file: `jobs/studio/node_${nodeId}.yaml`, ...overrides };
}
