import { readNodeSpec, type ReadNode } from '../flowspec/node-spec.js';
import { isJsonObject, type JsonObject } from '../text/json.js';
import { parseContentTaskParam, splitContent } from '../task/service-managed-content.js';
import type { ParsedLiveFile } from './parse-live-file.js';
import type { LiveNode } from '../../ports.js';

// A live node (2024-05-18, GetNode) → the task document to write. Pure; the node's counterpart of
// parseLiveFile. The job JSON is the FlowSpec's script.content; the resource group and CU are
// runtimeResource's (core/flowspec/node-spec.ts), or, where the spec gives none, what the content's
// extend block keeps. With neither the node is not imported: a made-up group would plan "unchanged"
// and then move the task on its next apply.
export function parseLiveNode(projectId: number, live: LiveNode): ParsedLiveFile {
  const read: ReadNode = readNodeSpec(live.spec);
  if (read.command !== null && read.command !== 'DI') {
    return failure('NotBatchSyncTask', `node ${live.nodeId} is not a batch sync node: expected script.runtime.command DI, got ${read.command}`);
  }
  const job = read.content ?? '';
  let content: unknown;
  try {
    content = JSON.parse(job);
  } catch (cause) {
    const shown = job.trim() === '' ? 'no job JSON in script.content' : `a script.content that is not JSON (${(cause as Error).message})`;
    return failure('InvalidTaskContent', `node ${live.nodeId} has ${shown}: expected the job JSON of the code editor`);
  }
  if (!isJsonObject(content)) return failure('InvalidTaskContent', `node ${live.nodeId} has a script.content that is not a JSON object: expected the job JSON`);
  const kept = parseContentTaskParam(content);
  const group = read.resourceGroup ?? kept.resourceGroup;
  if (group === null) {
    return failure(
      'ResourceGroupUnknown',
      `node ${live.nodeId} names no resource group (no runtimeResource.resourceGroup in its FlowSpec, no extend.resourceGroup in its job); write its task file by hand with taskParam.ResourceGroup set`,
    );
  }
  const cu = read.cu ?? kept.cu;
  const taskParam: JsonObject = { ResourceGroup: group, ...(cu !== null ? { Cu: cu } : {}) };
  return {
    ok: true,
    document: {
      projectId,
      nodeId: live.nodeId,
      taskParam,
      taskContent: splitContent(content).author as JsonObject,
      ...(Object.keys(read.schedule).length > 0 ? { schedule: read.schedule as JsonObject } : {}),
    },
    groupSource: 'content',
  };
}

function failure(code: string, message: string): ParsedLiveFile {
  return { ok: false, error: { code, message } };
}
