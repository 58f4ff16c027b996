import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { editTask, listTasks, seedTask, setResourceGroups, type EmulatorState, type EmulatorTask } from './emulator-state.js';
import { enqueueFault, FaultRequests } from './faults.js';
import { parseFlowSpec } from './flow-spec.js';
import { findNode, listNodes, seedNode, type EmulatorNode } from './studio-state.js';
import { readBody } from './read-request.js';
import { sendJson } from './responses.js';

// The emulator's own endpoints under /__emulator/: what tests and demos use to look inside and
// to stage situations (console edits, new tasks, resource groups, data sources, faults). Plain JSON,
// no signature.

export const INSPECTION_PREFIX = '/__emulator/';

// A console edit: the content, TaskParam, or schedule fields as GetFile's NodeConfiguration names them.
const TaskEdit = z.object({
  taskContent: z.string().optional(),
  taskParam: z.string().optional(),
  nodeConfiguration: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.object({ Input: z.string(), ParseType: z.string() }))])).optional(),
});
const ResourceGroupsBody = z.array(z.string().min(1));
const NodeEdit = z.object({ spec: z.string().min(1) });
const NodeSeedBody = z.object({ projectId: z.number().int().positive(), nodeId: z.string().regex(/^\d+$/), name: z.string().min(1).optional() });
const DataSourcesBody = z.array(z.object({ name: z.string().min(1), type: z.string().min(1) }));
const TaskSeedBody = z.object({
  projectId: z.number().int().positive(),
  fileId: z.number().int().positive(),
  fileName: z.string().optional(),
  fileFolderPath: z.string().optional(),
  taskContent: z.string().optional(),
  taskParam: z.string().optional(),
});

export async function serveInspection(req: IncomingMessage, res: ServerResponse, path: string, state: EmulatorState, now: number): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path.slice(INSPECTION_PREFIX.length - 1)}`;
  const taskPath = /^\/tasks\/(\d+)\/(\d+)$/.exec(path.slice(INSPECTION_PREFIX.length - 1));

  if (route === 'GET /calls') return sendJson(res, 200, state.calls);
  if (route === 'DELETE /calls') {
    state.calls.length = 0;
    return sendJson(res, 200, { cleared: true });
  }
  if (route === 'GET /tasks') return sendJson(res, 200, listTasks(state).map(formatTask));
  if (route === 'POST /tasks') {
    const body = await readJson(req, TaskSeedBody);
    if (!body.ok) return sendJson(res, 400, { error: body.error });
    return sendJson(res, 201, formatTask(seedTask(state, body.value, now)));
  }
  if (taskPath && req.method === 'PUT') {
    const body = await readJson(req, TaskEdit);
    if (!body.ok) return sendJson(res, 400, { error: body.error });
    const ref = { projectId: Number(taskPath[1]), fileId: Number(taskPath[2]) };
    return sendJson(res, 200, formatTask(editTask(state, ref, body.value, now)));
  }
  if (route === 'GET /nodes') return sendJson(res, 200, listNodes(state).map(formatNode));
  if (route === 'POST /nodes') {
    const body = await readJson(req, NodeSeedBody);
    if (!body.ok) return sendJson(res, 400, { error: body.error });
    return sendJson(res, 201, formatNode(seedNode(state, body.value, now)));
  }
  const nodePath = /^\/nodes\/(\d+)\/(\d+)$/.exec(path.slice(INSPECTION_PREFIX.length - 1));
  if (nodePath && req.method === 'PUT') {
    // A console edit: the node's FlowSpec replaced as a whole.
    const body = await readJson(req, NodeEdit);
    if (!body.ok) return sendJson(res, 400, { error: body.error });
    const parsed = parseFlowSpec(body.value.spec);
    if (typeof parsed === 'string') return sendJson(res, 400, { error: parsed });
    const node = findNode(state, Number(nodePath[1]), nodePath[2]!);
    if (!node) return sendJson(res, 404, { error: `no node ${nodePath[1]}/${nodePath[2]}` });
    node.spec = parsed.doc;
    node.modifyTime = now;
    node.deployed = false;
    return sendJson(res, 200, formatNode(node));
  }
  if (route === 'GET /resource-groups') return sendJson(res, 200, state.resourceGroups);
  if (route === 'PUT /resource-groups') {
    const body = await readJson(req, ResourceGroupsBody);
    if (!body.ok) return sendJson(res, 400, { error: body.error });
    setResourceGroups(state, body.value);
    return sendJson(res, 200, state.resourceGroups);
  }
  const sourcesPath = /^\/data-sources\/(\d+)$/.exec(path.slice(INSPECTION_PREFIX.length - 1));
  if (sourcesPath && req.method === 'GET') return sendJson(res, 200, state.dataSources.get(Number(sourcesPath[1])) ?? []);
  if (sourcesPath && req.method === 'PUT') {
    const body = await readJson(req, DataSourcesBody);
    if (!body.ok) return sendJson(res, 400, { error: body.error });
    const projectId = Number(sourcesPath[1]);
    state.dataSources.set(projectId, body.value);
    state.projects.add(projectId);
    return sendJson(res, 200, body.value);
  }
  if (route === 'GET /faults') return sendJson(res, 200, state.faults);
  if (route === 'POST /faults') {
    const body = await readJson(req, FaultRequests);
    if (!body.ok) return sendJson(res, 400, { error: body.error });
    const requests = Array.isArray(body.value) ? body.value : [body.value];
    for (const r of requests) enqueueFault(state, r, { action: r.action, times: r.times });
    return sendJson(res, 201, { queued: state.faults.length });
  }
  if (route === 'DELETE /faults') {
    state.faults.length = 0;
    return sendJson(res, 200, { cleared: true });
  }
  return sendJson(res, 404, { error: `no emulator route ${route}` });
}

export function formatTask(task: EmulatorTask) {
  return {
    projectId: task.projectId,
    fileId: task.fileId,
    fileName: task.fileName,
    fileFolderPath: task.fileFolderPath,
    taskContent: task.taskContent,
    taskParam: task.taskParam,
    updates: task.updates,
    changedSinceDeploy: task.changedSinceDeploy,
    committed: task.committed,
    deployed: task.deployed,
  };
}

async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse((await readBody(req, 1024 * 1024)).toString('utf8'));
  } catch (err) {
    return { ok: false, error: `body is not JSON: ${(err as Error).message}` };
  }
  const result = schema.safeParse(parsed);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: z.prettifyError(result.error) };
}

export function formatNode(node: EmulatorNode) {
  return {
    projectId: node.projectId,
    id: node.id,
    scene: node.scene,
    spec: JSON.stringify(node.spec),
    updates: node.updates,
    deployed: node.deployed,
    taskId: node.taskId,
  };
}
