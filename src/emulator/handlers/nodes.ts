import { MAX_NODES_PAGE_SIZE } from '../../dataworks/operations/list-nodes.js';
import { isJsonObject } from '../../core/text/json.js';
import { findNode, newNodeId, nodeKeyOf, type EmulatorNode } from '../studio-state.js';
import { commandOf, firstNode, mergeFlowSpec, nameOf, parseFlowSpec, pathOf } from '../flow-spec.js';
import { answer, fail, type OperationHandler, type Failed } from './operation-handler.js';
import { readOptionalLong, readRequiredLong, readRequiredString } from './read-params.js';

// CreateNode, UpdateNode, GetNode, ListNodes, DeleteNode of a new-Data-Studio workspace. The service's
// error codes for these are not published: the codes here are the emulator's (Invalid.Node.*,
// InvalidParameter), the messages those Alibaba's Data Studio skill reports.

const SCENES = new Set(['DATAWORKS_PROJECT', 'DATAWORKS_MANUAL_WORKFLOW', 'DATAWORKS_MANUAL_TASK']);

export function nodeNotFound(id: string): Failed {
  return fail(400, 'Invalid.Node.NotExist', `The node ${id} does not exist.`);
}

export const createNode: OperationHandler<'CreateNode'> = (params, ctx) => {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const scene = readRequiredString(params, 'Scene');
  if (typeof scene !== 'string') return scene;
  const text = readRequiredString(params, 'Spec');
  if (typeof text !== 'string') return text;
  if (!SCENES.has(scene)) return fail(400, 'InvalidParameter', `The specified parameter Scene is not valid: ${scene}.`);
  const parsed = parseFlowSpec(text);
  if (typeof parsed === 'string') return fail(400, 'InvalidParameter', parsed);
  const name = nameOf(parsed.node);
  if (name === '') return fail(400, 'InvalidParameter', 'Invalid Spec format: the node has no name');
  if (commandOf(parsed.node) === null) return fail(400, 'InvalidParameter', 'Invalid Spec format: script.runtime.command is required');
  const path = pathOf(parsed.node);
  if (path !== null && path !== name && !path.endsWith(`/${name}`)) return fail(400, 'InvalidParameter', 'Script path must end with node name');
  if ([...ctx.state.studio.nodes.values()].some((n) => n.projectId === projectId && nameOf(firstNode(n.spec)) === name)) {
    return fail(400, 'Invalid.Node.NameExists', 'Node with the same name already exists in the project');
  }
  const id = newNodeId(ctx.state);
  const script = isJsonObject(parsed.node['script']) ? parsed.node['script'] : {};
  const node = { ...parsed.node, id, script: { ...script, path: path ?? name } };
  const spec = { ...parsed.doc, spec: { ...(parsed.doc['spec'] as object), nodes: [node] } };
  ctx.state.studio.nodes.set(nodeKeyOf(projectId, id), {
    projectId, id, scene, spec, createTime: ctx.now, modifyTime: ctx.now, taskId: null, deployed: false, updates: 0,
  });
  return answer('CreateNode', { Id: id });
};

export const updateNode: OperationHandler<'UpdateNode'> = (params, ctx) => {
  const found = readNode(params, ctx.state);
  if (!('id' in found)) return found;
  const text = readRequiredString(params, 'Spec');
  if (typeof text !== 'string') return text;
  const parsed = parseFlowSpec(text);
  if (typeof parsed === 'string') return fail(400, 'InvalidParameter', parsed);
  const command = commandOf(parsed.node);
  if (command !== null && command !== commandOf(firstNode(found.spec))) return fail(400, 'InvalidParameter', 'Node type (command) cannot be changed after creation');
  const merged = mergeFlowSpec(found.spec, parsed);
  firstNode(merged)['id'] = found.id;
  found.spec = merged;
  found.updates += 1;
  found.modifyTime = ctx.now;
  return answer('UpdateNode', { Success: true });
};

export const getNode: OperationHandler<'GetNode'> = (params, ctx) => {
  const id = readRequiredString(params, 'Id');
  if (typeof id !== 'string') return id;
  const projectId = params.ProjectId === undefined ? null : readRequiredLong(params, 'ProjectId');
  if (projectId !== null && typeof projectId !== 'number') return projectId;
  const node = findNode(ctx.state, projectId, id);
  if (!node) return nodeNotFound(id);
  return answer('GetNode', {
    Node: {
      Id: node.id,
      Name: nameOf(firstNode(node.spec)),
      ProjectId: node.projectId,
      Spec: JSON.stringify(node.spec),
      CreateTime: node.createTime,
      ModifyTime: node.modifyTime,
      Owner: 'emulator',
      ...(node.taskId !== null ? { TaskId: node.taskId } : {}),
    },
  });
};

export const listNodes: OperationHandler<'ListNodes'> = (params, ctx) => {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const pageNumber = readOptionalLong(params, 'PageNumber', 1);
  if (typeof pageNumber !== 'number') return pageNumber;
  const pageSize = readOptionalLong(params, 'PageSize', 10);
  if (typeof pageSize !== 'number') return pageSize;
  if (pageNumber < 1 || pageSize < 1 || pageSize > MAX_NODES_PAGE_SIZE) return fail(400, 'InvalidParameter', `PageNumber must be at least 1 and PageSize 1..${MAX_NODES_PAGE_SIZE}.`);
  const all = [...ctx.state.studio.nodes.values()]
    .filter((n) => n.projectId === projectId)
    .filter((n) => params.Name === undefined || nameOf(firstNode(n.spec)).includes(params.Name))
    .filter((n) => params.Scene === undefined || n.scene === params.Scene)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const page = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return answer('ListNodes', {
    PagingInfo: { PageNumber: String(pageNumber), PageSize: String(pageSize), TotalCount: String(all.length), Nodes: page.map((n) => withoutAbsent(formatListedNode(n))) },
  });
};

export const deleteNode: OperationHandler<'DeleteNode'> = (params, ctx) => {
  const found = readNode(params, ctx.state);
  if (!('id' in found)) return found;
  ctx.state.studio.nodes.delete(nodeKeyOf(found.projectId, found.id));
  return answer('DeleteNode', { Success: true });
};

function readNode(params: Record<string, string>, state: Parameters<typeof findNode>[0]): EmulatorNode | Failed {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const id = readRequiredString(params, 'Id');
  if (typeof id !== 'string') return id;
  return findNode(state, projectId, id) ?? nodeNotFound(id);
}

function formatListedNode(n: EmulatorNode) {
  const node = firstNode(n.spec);
  const obj = (value: unknown) => (isJsonObject(value) ? value : {});
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const int = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : undefined);
  const trigger = obj(node['trigger']);
  const resource = obj(node['runtimeResource']);
  return {
    Id: n.id,
    Name: nameOf(node),
    ProjectId: n.projectId,
    CreateTime: n.createTime,
    ModifyTime: n.modifyTime,
    Owner: 'emulator',
    Recurrence: str(node['recurrence']),
    ...(n.taskId !== null ? { TaskId: n.taskId } : {}),
    Script: { Id: str(obj(node['script'])['id']), Path: pathOf(node), Runtime: { Command: commandOf(node) } },
    Trigger: { Type: str(trigger['type']), Cron: str(trigger['cron']), StartTime: str(trigger['startTime']), EndTime: str(trigger['endTime']), Timezone: str(trigger['timezone']) },
    Strategy: {
      Timeout: int(node['timeout']),
      InstanceMode: str(node['instanceMode']),
      RerunMode: str(node['rerunMode']),
      RerunTimes: int(node['rerunTimes']),
      RerunInterval: int(node['rerunInterval']),
    },
    RuntimeResource: { ResourceGroup: str(resource['resourceGroup']), ResourceGroupId: str(resource['resourceGroupId']) },
    Outputs: { NodeOutputs: outputsOf(node).map((data) => ({ Data: data })) },
  };
}

// The node's outputs (FlowSpec outputs.nodeOutputs[].data): the names other nodes depend on.
function outputsOf(node: Record<string, unknown>): string[] {
  const outputs = isJsonObject(node['outputs']) ? node['outputs']['nodeOutputs'] : undefined;
  return Array.isArray(outputs) ? outputs.flatMap((o) => (isJsonObject(o) && typeof o['data'] === 'string' ? [o['data']] : [])) : [];
}

// Fields the stored FlowSpec does not have are left out of the answer, as the service omits empty ones.
function withoutAbsent<T>(value: T): T {
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, withoutAbsent(v)])) as T;
}
