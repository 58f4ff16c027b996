import { isJsonObject } from '../core/text/json.js';

// Reading and merging FlowSpec documents the way the emulator's Data Studio does. Pure.
// Messages quote those Alibaba's Data Studio skill (aliyun/alibabacloud-aiops-skills) reports.

export type FlowNode = Record<string, unknown>;
export type ParsedSpec = { doc: Record<string, unknown>; node: FlowNode };

export function parseFlowSpec(text: string): ParsedSpec | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return 'Failed to parse Spec JSON';
  }
  if (!isJsonObject(doc) || !isJsonObject(doc['spec'])) return 'Invalid Spec format: version, kind and spec are required';
  if (doc['kind'] !== 'Node') return 'spec kind and request not match';
  const nodes = doc['spec']['nodes'];
  if (!Array.isArray(nodes) || !isJsonObject(nodes[0])) return 'Invalid Spec format: spec.nodes must hold the node';
  return { doc: doc as Record<string, unknown>, node: nodes[0] as FlowNode };
}

export function commandOf(node: FlowNode): string | null {
  const script = node['script'];
  const runtime = isJsonObject(script) ? script['runtime'] : undefined;
  return isJsonObject(runtime) && typeof runtime['command'] === 'string' ? runtime['command'] : null;
}

export function nameOf(node: FlowNode): string {
  return typeof node['name'] === 'string' ? node['name'] : '';
}

export function pathOf(node: FlowNode): string | null {
  const script = node['script'];
  return isJsonObject(script) && typeof script['path'] === 'string' ? script['path'] : null;
}

export function firstNode(doc: Record<string, unknown>): FlowNode {
  const spec = doc['spec'] as Record<string, unknown>;
  return (spec['nodes'] as FlowNode[])[0]!;
}

// UpdateNode is incremental: objects are merged key by key, arrays and scalars (script.content, a
// string, included) replaced by what was sent.
export function mergeDeep(stored: unknown, sent: unknown): unknown {
  if (!isJsonObject(stored) || !isJsonObject(sent)) return sent;
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(sent)) merged[key] = key in stored ? mergeDeep(stored[key], value) : value;
  return merged;
}

// The stored document with the sent one merged in; the node of spec.nodes[0] merged into the stored node.
export function mergeFlowSpec(stored: Record<string, unknown>, sent: ParsedSpec): Record<string, unknown> {
  const { nodes: _nodes, ...sentSpec } = sent.doc['spec'] as Record<string, unknown>;
  const storedSpec = stored['spec'] as Record<string, unknown>;
  const node = mergeDeep(firstNode(stored), sent.node);
  return { ...stored, ...withoutSpec(sent.doc), spec: { ...(mergeDeep(storedSpec, sentSpec) as Record<string, unknown>), nodes: [node] } };
}

function withoutSpec(doc: Record<string, unknown>): Record<string, unknown> {
  const { spec: _spec, ...rest } = doc;
  return rest;
}
