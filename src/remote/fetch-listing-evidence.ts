import type { ListingEvidence } from '../core/doctor/suggest-api.js';
import type { CallOperation } from '../dataworks/create-operation-caller.js';
import { classifyError } from '../dataworks/classify-error.js';
import { operations as op } from '../dataworks/operations/operations.js';
import { UserInputError } from '../errors.js';
import { DI_COMMAND } from '../core/flowspec/node-spec.js';

// doctor's evidence of the other API generation than the one configured: one page of its listing, not
// a check (a workspace may refuse the generation it does not speak), only what it answered.

// One page of the 2024-05-18 ListNodes: how many DI nodes.
export async function fetchNodesEvidence(call: CallOperation, projectId: number): Promise<ListingEvidence> {
  return evidence(async () => {
    const { answer } = await call(op.ListNodes, { ProjectId: projectId, Scene: 'DATAWORKS_PROJECT', PageNumber: 1, PageSize: 100 });
    return (answer.PagingInfo?.Nodes ?? []).filter((n) => n.Script?.Runtime?.Command === DI_COMMAND).length;
  });
}

// One page of the 2020-05-18 ListFiles of batch sync tasks (FileTypes 23): how many.
export async function fetchFilesEvidence(call: CallOperation, projectId: number): Promise<ListingEvidence> {
  return evidence(async () => {
    const { answer } = await call(op.ListFiles, { ProjectId: projectId, FileTypes: '23', PageNumber: 1, PageSize: 10 });
    return answer.Data?.Files?.length ?? 0;
  });
}

async function evidence(count: () => Promise<number>): Promise<ListingEvidence> {
  try {
    return { answered: true, diTasks: await count() };
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    return { answered: false, code: classifyError(error).code };
  }
}
