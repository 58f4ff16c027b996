import { readNodeSpec } from '../flowspec/node-spec.js';
import { diffConfig, maskPatch } from '../plan/diff-config.js';
import { isJsonObject, parseJsonOrNull, type JsonValue } from '../text/json.js';
import type { FlowSpecProbe, WriteProbe } from './doctor-report.js';

// What an unchanged UpdateNode did to a node: its FlowSpec before against the one GetNode answered
// after, the job inside script.content compared as JSON (so a dropped extend shows as its own change),
// secret values masked. Pure.
export function compareProbedNode(before: string, after: string, versionSent: string): Pick<WriteProbe, 'outcome' | 'changes'> & { flowSpec: FlowSpecProbe } {
  const changes = maskPatch(diffConfig(openJob(before), openJob(after)));
  const had = hasExtend(before);
  const has = hasExtend(after);
  const extend: FlowSpecProbe['extend'] = had ? (has ? 'kept' : 'dropped') : has ? 'added' : 'absent';
  return {
    outcome: changes.length === 0 ? 'unchanged' : 'changed',
    changes,
    flowSpec: { versionBefore: versionOf(before), versionSent, versionAfter: versionOf(after), extend },
  };
}

// The FlowSpec document with each node's script.content parsed; a content that is not JSON is shown
// by its length only, as it may hold a password.
function openJob(specText: string): JsonValue {
  const spec = parseJsonOrNull(specText);
  if (spec === null) return specText;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: what these let through (a spec or a spec.spec that is no object) has no nodes, and is returned as it is below
  const inner = isJsonObject(spec) && isJsonObject(spec['spec']) ? spec['spec'] : null;
  const nodes = inner?.['nodes'];
  if (!Array.isArray(nodes)) return spec;
  const opened = nodes.map((node) => {
    const script = isJsonObject(node) ? node['script'] : undefined;
    // Stryker disable next-line ConditionalExpression: a content that is no string parses to itself, so the node comes out the same
    if (!isJsonObject(node) || !isJsonObject(script) || typeof script['content'] !== 'string') return node;
    const job = parseJsonOrNull(script['content']);
    return { ...node, script: { ...script, content: job ?? `(not JSON: ${script['content'].length} characters)` } };
  });
  return { ...(spec as object), spec: { ...inner, nodes: opened } } as JsonValue;
}

function hasExtend(specText: string): boolean {
  const job = parseJsonOrNull(readNodeSpec(specText).content);
  return isJsonObject(job) && isJsonObject(job['extend']);
}

function versionOf(specText: string): string | null {
  const version = readNodeSpec(specText).spec?.['version'];
  return typeof version === 'string' ? version : null;
}
