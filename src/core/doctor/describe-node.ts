import { readNodeSpec } from '../flowspec/node-spec.js';
import { isJsonObject, parseJsonOrNull, type JsonObject, type JsonValue } from '../text/json.js';
import { parseContentTaskParam, splitContent } from '../task/service-managed-content.js';
import type { NodeReport } from './doctor-report.js';

// The node fields that schedule it (SpecNode in aliyun/dataworks-spec), besides its trigger's.
const SCHEDULING_NODE_FIELDS = ['recurrence', 'instanceMode', 'rerunMode', 'rerunTimes', 'rerunInterval', 'timeout'] as const;

// What a node's FlowSpec holds, by key name only: its version, where the job and the DI resource group
// are, whether the job carries extend, which scheduling fields are set. Pure.
export function describeNode(nodeId: string, specText: string): NodeReport {
  const read = readNodeSpec(specText);
  const job = parseJsonOrNull(read.content);
  const { author, managed } = splitContent(job);
  const extend = isJsonObject(job) && isJsonObject(job['extend']) ? job['extend'] : null;
  const fromExtend = parseContentTaskParam(job).resourceGroup;
  const diResourceGroup: NodeReport['diResourceGroup'] =
    read.resourceGroup !== null
      ? { value: read.resourceGroup, foundIn: 'spec.nodes[0].runtimeResource.resourceGroup' }
      : fromExtend !== null
        ? { value: fromExtend, foundIn: 'spec.nodes[0].script.content.extend.resourceGroup' }
        : { value: null, foundIn: 'nowhere' };
  return {
    nodeId,
    name: read.name,
    path: read.path,
    version: textOf(read.spec?.['version']),
    kind: textOf(read.spec?.['kind']),
    jobIn: read.content !== null ? 'spec.nodes[0].script.content' : 'nowhere',
    authorKeys: isJsonObject(author) ? Object.keys(author) : [],
    serviceManagedKeys: Object.keys(managed),
    hasExtend: extend !== null,
    extendKeys: extend ? Object.keys(extend) : [],
    diResourceGroup,
    schedulingFields: listSchedulingFields(read.node, read.spec),
  };
}

function listSchedulingFields(node: JsonObject | null, spec: JsonObject | null): string[] {
  if (!node) return [];
  const fields: string[] = [];
  if (isJsonObject(node['trigger'])) fields.push(...Object.keys(node['trigger']).map((key) => `trigger.${key}`));
  fields.push(...SCHEDULING_NODE_FIELDS.filter((key) => node[key] !== undefined && node[key] !== null));
  const script = node['script'];
  if (isJsonObject(script) && Array.isArray(script['parameters'])) fields.push('script.parameters');
  const outputs = node['outputs'];
  if (isJsonObject(outputs) && Array.isArray(outputs['nodeOutputs'])) fields.push('outputs.nodeOutputs');
  // The API's examples keep the edges in spec.flow, Alibaba's Data Studio examples in spec.dependencies.
  // Stryker disable next-line OptionalChaining: a node was read from spec.spec.nodes, so both are objects here
  const inner = isJsonObject(spec?.['spec']) ? spec['spec'] : null;
  // Stryker disable next-line OptionalChaining: as above
  for (const key of ['dependencies', 'flow']) if (Array.isArray(inner?.[key])) fields.push(`spec.${key}`);
  return fields;
}

function textOf(value: JsonValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}
