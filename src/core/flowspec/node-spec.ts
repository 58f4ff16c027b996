import { isJsonObject, type JsonObject, type JsonValue } from '../text/json.js';
import { scheduleFromFlowSpecNode, type FlowSpecDependency, type FlowSpecNode, type FlowSpecNodeSchedule } from '../schedule/flow-spec.js';
import type { Schedule } from '../schedule/schedule-schema.js';

// A batch sync task on the new Data Studio (2024-05-18) is a node that a FlowSpec document describes.
// dwsync writes and reads only these parts of it (the CreateNode/UpdateNode models' Spec docs, and
// aliyun/dataworks-spec's SpecNode, SpecScript and SpecRuntimeResource):
//   {"version": "1.1.0", "kind": "Node", "spec": {"nodes": [{
//     "id", "name",
//     "script": {"path": "<folder>/<name>", "language": "di", "runtime": {"command": "DI"},
//                "content": "<the job JSON, as TaskContent holds it on 2020-05-18>"},
//     "runtimeResource": {"resourceGroup": "<TaskParam.ResourceGroup>", "cu": "<TaskParam.Cu>"}}]}}
// and, for a task file with a schedule, the node's trigger, rerun, timeout and recurrence fields,
// script.parameters, and the spec's "flow" (its dependencies; core/schedule/flow-spec.ts).
// The API's examples say version 1.1.0; CreateNode creates only the first node of the document.
// runtimeResource.cu is a string in dataworks-spec's model; dwsync writes TaskParam.Cu there as text
// and reads it back as a number.
export const FLOWSPEC_VERSION = '1.1.0';
export const DI_COMMAND = 'DI';

export type NodeParts = {
  content?: string; // the job JSON, as sent
  resourceGroup?: string;
  cu?: number;
  schedule?: FlowSpecNodeSchedule; // the node's scheduling fields
  dependencies?: FlowSpecDependency[]; // the spec's flow; sent only with the node's id (UpdateNode)
};

// A whole FlowSpec for CreateNode: the node's name, its path in the project's folder tree, the job and
// its resource group.
// No dependencies: they name the node by its id, which CreateNode gives (an UpdateNode sends them).
export function buildCreateSpec(node: { name: string; folder: string } & Required<Pick<NodeParts, 'content' | 'resourceGroup'>> & Omit<NodeParts, 'dependencies'>): string {
  const script: JsonObject = { path: `${node.folder}/${node.name}`, language: 'di', runtime: { command: DI_COMMAND }, content: node.content };
  return JSON.stringify(wrap(withSchedule({ name: node.name, script, runtimeResource: runtimeResource(node) }, node.schedule)));
}

// A FlowSpec for UpdateNode that carries only the node's id and the parts that change: UpdateNode is
// incremental, so what the document leaves out stays as it is.
export function buildUpdateSpec(nodeId: string, parts: NodeParts): string {
  const node: JsonObject = { id: nodeId };
  if (parts.content !== undefined) node['script'] = { content: parts.content };
  if (parts.resourceGroup !== undefined) node['runtimeResource'] = runtimeResource(parts);
  return JSON.stringify(wrap(withSchedule(node, parts.schedule), parts.dependencies));
}

// The node with the schedule's fields; its script.parameters join whatever script the node has.
function withSchedule(node: JsonObject, schedule: FlowSpecNodeSchedule | undefined): JsonObject {
  if (schedule === undefined) return node;
  const { script, ...fields } = schedule;
  const out: JsonObject = { ...node, ...(fields as JsonObject) };
  if (script !== undefined) out['script'] = { ...(isJsonObject(node['script']) ? node['script'] : {}), ...(script as JsonObject) };
  return out;
}

// What a node's FlowSpec says of the parts dwsync manages. null where the document does not say: a
// spec that is not JSON, or has no node, reads as all null.
export type ReadNode = {
  name: string | null;
  path: string | null; // script.path: "<folder>/<name>"
  command: string | null; // script.runtime.command: "DI" for a batch sync node
  content: string | null;
  resourceGroup: string | null;
  cu: number | null;
  schedule: Schedule; // every scheduling field the node and the spec's dependencies show ({} when none)
  node: JsonObject | null; // the whole first node
  spec: JsonObject | null; // the whole document
};

export function readNodeSpec(specText: string): ReadNode {
  const spec = parseObject(specText);
  const nodes = isJsonObject(spec?.['spec']) ? spec['spec']['nodes'] : undefined;
  const node = Array.isArray(nodes) && isJsonObject(nodes[0]) ? nodes[0] : null;
  const script = isJsonObject(node?.['script']) ? node['script'] : null;
  const runtime = isJsonObject(script?.['runtime']) ? script['runtime'] : null;
  const resource = isJsonObject(node?.['runtimeResource']) ? node['runtimeResource'] : null;
  const cu = Number(resource?.['cu']);
  // The API's examples and aliyun/dataworks-spec put the edges under spec.flow; Alibaba's Data Studio
  // agent examples (FlowSpec 2.0.0) under spec.dependencies.
  const inner = isJsonObject(spec?.['spec']) ? spec['spec'] : null;
  const edges = inner?.['flow'] ?? inner?.['dependencies'];
  const dependencies = Array.isArray(edges) ? (edges.filter(isDependency) as unknown as FlowSpecDependency[]) : [];
  return {
    name: text(node?.['name']),
    path: text(script?.['path']),
    command: text(runtime?.['command']),
    content: text(script?.['content']),
    resourceGroup: text(resource?.['resourceGroup']) || null,
    cu: Number.isFinite(cu) && cu > 0 ? cu : null, // a missing or empty cu is NaN or 0 here
    schedule: node ? scheduleFromFlowSpecNode(node as FlowSpecNode, dependencies) : {},
    node,
    spec,
  };
}

// "<folder>/<name>" → its folder and name; a path without "/" is a node at the top of the tree.
export function splitNodePath(path: string): { folder: string; name: string } {
  const at = path.lastIndexOf('/');
  return at < 0 ? { folder: '', name: path } : { folder: path.slice(0, at), name: path.slice(at + 1) };
}

function runtimeResource(parts: NodeParts): JsonObject {
  return { resourceGroup: parts.resourceGroup!, ...(parts.cu !== undefined ? { cu: String(parts.cu) } : {}) };
}

function wrap(node: JsonObject, dependencies?: FlowSpecDependency[]): JsonObject {
  const spec: JsonObject = { nodes: [node] };
  if (dependencies !== undefined) spec['flow'] = dependencies as unknown as JsonValue;
  return { version: FLOWSPEC_VERSION, kind: 'Node', spec };
}

function isDependency(value: JsonValue): boolean {
  return isJsonObject(value) && typeof value['nodeId'] === 'string' && Array.isArray(value['depends']) && value['depends'].every((d) => isJsonObject(d) && typeof d['output'] === 'string');
}

function parseObject(textValue: string): JsonObject | null {
  try {
    const value = JSON.parse(textValue) as JsonValue;
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
}

function text(value: JsonValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}
