import { nodeCreateSpec, nodeDependencies, nodeUpdateSpec } from '../core/flowspec/node-requests.js';
import { DI_COMMAND, readNodeSpec } from '../core/flowspec/node-spec.js';
import { InternalError, RemoteError } from '../errors.js';
import type { DataWorksSession } from '../ports.js';
import { deployNode } from './deploy-node.js';
import { parseContent } from './fetch-live.js';
import type { Found, TaskCalls, TaskTarget } from './task-calls.js';

// 2024-05-18 (new Data Studio): a task is a node, described by FlowSpec (core/flowspec/).
export const nodeCalls: TaskCalls = {
  api: '2024-05-18',
  async update(entry, target, deps) {
    const spec = nodeUpdateSpec(entry, nodeIdOf(target));
    const { value, attempts } = await deps.call(() => deps.dataWorks.updateNode({ projectId: entry.task!.projectId, nodeId: nodeIdOf(target), spec }));
    return { requestId: value.requestId, attempts };
  },
  findOrCreate: findOrCreateNode,
  deploy: (projectId, target, comment, deps) => deployNode(projectId, nodeIdOf(target), comment, deps),
  async remove(projectId, target, deps) {
    const nodeId = nodeIdOf(target);
    const { value: found } = await deps.call(() => deps.dataWorks.getNode({ projectId, nodeId }));
    if (!found.node) return { requestId: found.requestId, attempts: 1, alreadyGone: true };
    const { value, attempts } = await deps.call(() => deps.dataWorks.deleteNode({ projectId, nodeId }));
    return { requestId: value.requestId, attempts, alreadyGone: false };
  },
  async readLive(projectId, target, deps) {
    const { value } = await deps.call(() => deps.dataWorks.getNode({ projectId, nodeId: nodeIdOf(target) }));
    if (!value.node) return { missing: true };
    const read = readNodeSpec(value.node.spec);
    return { missing: false, taskContent: parseContent(read.content ?? ''), resourceGroup: read.resourceGroup, schedule: read.schedule };
  },
};

const PAGE_SIZE = 100;

// A task given by name and folder: the DI node whose script.path is exactly "<folder>/<name>", adopted
// when there is one, created (CreateNode) when there is none, and neither when there are several.
// CreateNode takes no client token, so looking first is what keeps a run killed between the create and
// its record from creating the node twice: the next run finds it.
async function findOrCreateNode(task: Parameters<TaskCalls['findOrCreate']>[0], deps: DataWorksSession): Promise<Found> {
  const { projectId, name, folder } = task;
  const path = `${folder}/${name}`;
  const matches: string[] = [];
  let attempts = 0;
  let requestId: string | undefined;
  // ListNodes matches the name fuzzily: every page of the answer is read and the path compared here.
  for (let page = 1; ; page++) {
    const listed = await deps.call(() => deps.dataWorks.listNodes({ projectId, name, scene: 'DATAWORKS_PROJECT', pageNumber: page, pageSize: PAGE_SIZE }));
    attempts += listed.attempts;
    requestId = listed.value.requestId;
    for (const node of listed.value.nodes) if (node.path === path && (node.command ?? DI_COMMAND) === DI_COMMAND) matches.push(node.nodeId);
    if (listed.value.nodes.length < PAGE_SIZE || page * PAGE_SIZE >= listed.value.totalCount) break;
  }
  if (matches.length === 1) return { kind: 'adopted', target: { nodeId: matches[0]! }, attempts };
  if (matches.length > 1) {
    throw new RemoteError({
      message: `${matches.length} batch sync nodes have the path ${JSON.stringify(path)}: ${matches.join(', ')}; give the task's nodeId instead of name and folder`,
      status: null,
      code: 'AmbiguousTaskName',
      requestId: requestId ?? null,
      retryable: false,
    });
  }
  const spec = nodeCreateSpec(task);
  const created = await deps.call(() => deps.dataWorks.createNode({ projectId, scene: 'DATAWORKS_PROJECT', spec }));
  const nodeId = created.value.nodeId;
  // The schedule's dependencies name the node by the id just given. Should this call fail, the node
  // exists without them: the task fails, and the next run adopts the node (by its path) and sends them.
  const dependencies = nodeDependencies(task, nodeId);
  if (dependencies !== null) await deps.call(() => deps.dataWorks.updateNode({ projectId, nodeId, spec: dependencies }));
  return { kind: 'created', target: { nodeId }, requestId: created.value.requestId, attempts: created.attempts };
}

function nodeIdOf(target: TaskTarget): string {
  if (target.nodeId === undefined) throw new InternalError(`a 2024-05-18 call was asked for file ${target.fileId}`);
  return target.nodeId;
}
