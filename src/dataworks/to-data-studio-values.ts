import type { z } from 'zod';
import type { DeploymentStatus, LiveNode, NodeSummary, PipelineRun, PipelineStage } from '../ports.js';
import type { GetNode } from './operations/get-node.js';
import type { GetPipelineRun } from './operations/get-pipeline-run.js';
import type { ListNodes } from './operations/list-nodes.js';
import { invalidAnswer, requestIdOf } from './parse-answer.js';
import { scrubMessage } from './scrub-message.js';

// From parsed 2024-05-18 answers to what the port returns. Pure.

type ListedNode = NonNullable<NonNullable<NonNullable<z.infer<typeof ListNodes.response>['PagingInfo']>['Nodes']>[number]>;

export function toLiveNode(answer: z.infer<typeof GetNode.response>, status: number): LiveNode {
  const node = answer.Node;
  if (!node || !node.Id) throw invalidAnswer(status, requestIdOf(answer), 'GetNode answered without Node.Id');
  return { nodeId: node.Id, name: node.Name ?? '', spec: node.Spec ?? '', taskId: node.TaskId ?? null };
}

// A listed node without an Id cannot be addressed: it is left out.
export function toNodeSummary(node: ListedNode): NodeSummary[] {
  if (!node.Id) return [];
  const outputs = (node.Outputs?.NodeOutputs ?? []).flatMap((output) => (output.Data ? [output.Data] : []));
  return [{ nodeId: node.Id, name: node.Name ?? '', path: node.Script?.Path ?? null, command: node.Script?.Runtime?.Command ?? null, outputs }];
}

// ListNodes' model types TotalCount as a string: a number in it, or the count on the page when absent.
export function toTotalCount(raw: string | null | undefined, onPage: number, status: number, requestId: string): number {
  if (raw == null || raw === '') return onPage;
  if (!/^\d+$/.test(raw)) throw invalidAnswer(status, requestId, `ListNodes answered a TotalCount that is not a count: ${JSON.stringify(raw)}`);
  return Number(raw);
}

const FAILED_STATUSES = new Set(['Fail', 'Termination', 'Cancel']);

export function toDeploymentStatus(status: string | null | undefined): DeploymentStatus {
  if (status === 'Success') return 'success';
  if (status != null && FAILED_STATUSES.has(status)) return 'failed';
  return 'pending';
}

// Stages in Step order. The error message is the process's Message, or else the failed stage's.
export function toPipelineRun(answer: z.infer<typeof GetPipelineRun.response>, status: number): Omit<PipelineRun, 'requestId'> {
  const pipeline = answer.Pipeline;
  if (!pipeline || !pipeline.Id || !pipeline.Status) throw invalidAnswer(status, requestIdOf(answer), 'GetPipelineRun answered without Pipeline.Id and Pipeline.Status');
  const stages: PipelineStage[] = [...(pipeline.Stages ?? [])]
    .sort((a, b) => (a.Step ?? 0) - (b.Step ?? 0))
    .map((s) => ({ code: s.Code ?? '', type: s.Type ?? null, status: s.Status ?? 'Init', name: s.Name ?? null, message: s.Message ? scrubMessage(s.Message) : null }));
  const runStatus = toDeploymentStatus(pipeline.Status);
  const failedStage = stages.find((s) => FAILED_STATUSES.has(s.status));
  const message = pipeline.Message ? scrubMessage(pipeline.Message) : (failedStage?.message ?? null);
  return {
    id: pipeline.Id,
    status: runStatus,
    stages,
    errorMessage: runStatus === 'failed' ? (message ?? `the process ended ${pipeline.Status}`) : null,
  };
}
