import { compareProbedNode } from '../core/doctor/compare-probed-node.js';
import { describeNode } from '../core/doctor/describe-node.js';
import type { NodeReport, WriteProbe } from '../core/doctor/doctor-report.js';
import { suggestApi } from '../core/doctor/suggest-api.js';
import type { Inspection } from '../core/doctor/to-doctor-report.js';
import { buildUpdateSpec, DI_COMMAND, FLOWSPEC_VERSION, readNodeSpec } from '../core/flowspec/node-spec.js';
import type { CallOperation } from '../dataworks/create-operation-caller.js';
import { MAX_NODES_PAGE_SIZE } from '../dataworks/operations/list-nodes.js';
import { operations as op } from '../dataworks/operations/operations.js';
import { createAnswerInspector } from './answer-inspector.js';
import { fetchFilesEvidence } from './fetch-listing-evidence.js';

// `dwsync doctor` on a workspace dwsync.yaml puts on the new Data Studio (2024-05-18): the calls a run
// makes there, each whole answer held against the 2024-05-18 model: GetProject, ListDataSources and
// ListResourceGroups (one page each), ListNodes (one page) and GetNode of one DI node (the one asked
// for, else the first listed); what that node's FlowSpec holds; with writeProbe, an UpdateNode of the
// node's own script.content as dwsync writes it (its FlowSpec version, the id and the content) and
// GetNode again, which answers the API's open questions for this account: the version the service
// keeps, and whether it keeps the job's extend block. ListFiles (2020-05-18) is asked for the api
// evidence only.
export async function inspectStudioWorkspace(call: CallOperation, request: { projectId: number; nodeId?: string | undefined; writeProbe: boolean }): Promise<Inspection> {
  const { checks, inspect, lastError } = createAnswerInspector(call);
  const { projectId } = request;
  await inspect(op.GetProject2024, { Id: projectId });
  await inspect(op.ListDataSources2024, { ProjectId: projectId, PageNumber: 1, PageSize: 10 });
  await inspect(op.ListResourceGroups2024, { ProjectId: projectId, PageNumber: 1, PageSize: 10 });
  const listed = await inspect(op.ListNodes, { ProjectId: projectId, Scene: 'DATAWORKS_PROJECT', PageNumber: 1, PageSize: MAX_NODES_PAGE_SIZE });
  const diNodes = (listed?.PagingInfo?.Nodes ?? []).filter((n) => n.Script?.Runtime?.Command === DI_COMMAND && n.Id);
  const nodesEvidence = listed ? { answered: true as const, diTasks: diNodes.length } : { answered: false as const, code: lastError()?.code ?? 'Unknown' };
  const api = suggestApi('2024-05-18', await fetchFilesEvidence(call, projectId), nodesEvidence);

  const nodeId = request.nodeId ?? diNodes[0]?.Id ?? null;
  let node: NodeReport | null = null;
  let writeProbe: WriteProbe | null = null;
  if (nodeId !== null) {
    const spec = (await inspect(op.GetNode, { ProjectId: projectId, Id: nodeId }))?.Node?.Spec;
    if (typeof spec === 'string') {
      node = describeNode(nodeId, spec);
      if (request.writeProbe) writeProbe = await probe(nodeId, spec);
    }
  }
  return { checks, content: null, node, writeProbe, api };

  // What a run would send for an unchanged job: the node's id and its own script.content (the id alone
  // for a node without content), in dwsync's FlowSpec version; then what GetNode shows.
  async function probe(nodeId: string, before: string): Promise<WriteProbe> {
    const content = readNodeSpec(before).content;
    const sent = content !== null ? ('UpdateNode: script.content unchanged' as const) : ('UpdateNode: the node id only' as const);
    const spec = buildUpdateSpec(nodeId, content !== null ? { content } : {});
    const updated = await inspect(op.UpdateNode, { ProjectId: projectId, Id: nodeId, Spec: spec });
    if (!updated) return { sent, outcome: 'failed', changes: [], error: lastError() ?? { code: 'Unknown', message: 'the update failed' } };
    const after = (await inspect(op.GetNode, { ProjectId: projectId, Id: nodeId }))?.Node?.Spec;
    if (typeof after !== 'string') return { sent, outcome: 'failed', changes: [], error: lastError() ?? { code: 'NoSpec', message: 'GetNode after the update showed no Spec' } };
    return { sent, ...compareProbedNode(before, after, FLOWSPEC_VERSION) };
  }
}
