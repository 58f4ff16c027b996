import { DATA_STUDIO_API, type ApiOf } from '../config/api-version.js';
import type { PathSegment } from '../text/format-path.js';
import type { Task } from './task.js';
import type { TaskIssue } from './task-issue.js';

// A task names what its workspace's API generation has: a file (fileId) on 2020-05-18, a node (nodeId)
// on 2024-05-18. The other id cannot be sent anywhere, so it is refused before any call, naming the
// setting that decides, as the likely mistake is the setting rather than the task.
export function taskFitsApi(apiOf: ApiOf): (tasks: readonly Task[]) => TaskIssue[] {
  return (tasks) =>
    tasks.flatMap((task): TaskIssue[] => {
      const api = apiOf(task.projectId);
      const setting = `workspaces."${task.projectId}".api in dwsync.yaml`;
      if (api === DATA_STUDIO_API && task.fileId !== null) {
        return [at(task, ['fileId'], `fileId names a file of the 2020-05-18 API, but workspace ${task.projectId} speaks 2024-05-18 (${setting}): name its node with nodeId: "<id>", or give name and folder`)];
      }
      const group = task.schedule?.resourceGroup;
      if (api === DATA_STUDIO_API && group !== undefined && group !== task.taskParam['ResourceGroup']) {
        // A node has one resource group (FlowSpec runtimeResource.resourceGroup) for its runs and its schedule.
        return [at(task, ['schedule', 'resourceGroup'], `schedule.resourceGroup is ${JSON.stringify(group)}, but a node on workspace ${task.projectId} (2024-05-18, ${setting}) has one resource group, taskParam.ResourceGroup (${JSON.stringify(task.taskParam['ResourceGroup'])}): remove schedule.resourceGroup or make the two the same`)];
      }
      if (api !== DATA_STUDIO_API && task.nodeId !== undefined) {
        return [at(task, ['nodeId'], `nodeId names a node of the 2024-05-18 API, but workspace ${task.projectId} speaks 2020-05-18: set ${setting} to "2024-05-18" for a workspace on the new Data Studio, or name the file with fileId`)];
      }
      return [];
    });
}

function at(task: Task, path: PathSegment[], message: string): TaskIssue {
  return { task, path, message, severity: 'error' };
}
