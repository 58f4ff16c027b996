import type { Operation } from 'fast-json-patch';
import type { ApiReport } from './suggest-api.js';
import type { AnswerProblem } from '../../dataworks/operations/check-answer.js';
import type { ApiVersion } from '../config/api-version.js';

// What `dwsync doctor --json` prints. It holds no secret: no credential, no content values (only key
// names, the DI resource group identifier, and a masked patch), so it can be pasted into a bug report.

export type AnswerCheck = {
  operation: string;
  version: ApiVersion; // the API generation of the operation's model (ListDataSources exists in both)
  requestId: string | null;
  outcome: 'as-documented' | 'differs' | 'failed';
  problems: AnswerProblem[]; // fields the model does not have, values of another type
  absent: string[]; // documented fields the answer left out (the service omits empty ones: informational)
  error?: { code: string; message: string };
};

export type ContentReport = {
  fileId: number;
  fileName: string;
  folderPath: string | null; // from ListFiles (AbsoluteFolderPath), when it listed the file
  authorKeys: string[]; // top-level keys that are the author's task content
  serviceManagedKeys: string[]; // top-level keys the service keeps (extend, ...)
  extendKeys: string[]; // the keys under extend
  diResourceGroup: { value: string | null; foundIn: 'Content.extend.resourceGroup' | 'GetProject.DefaultDiResourceGroupIdentifier' | 'nowhere' };
};

// What a node's FlowSpec holds (2024-05-18), by key name only, and where its job and DI resource group
// were found. The FlowSpec's version and where the job keeps `extend` are open questions of the API.
export type NodeReport = {
  nodeId: string;
  name: string | null;
  path: string | null; // script.path: "<folder>/<name>"
  version: string | null; // the FlowSpec document's version, e.g. 1.1.0 or 2.0.0
  kind: string | null;
  jobIn: 'spec.nodes[0].script.content' | 'nowhere';
  authorKeys: string[]; // top-level keys of the job that are the author's
  serviceManagedKeys: string[]; // top-level keys of the job the service keeps (extend, ...)
  hasExtend: boolean; // the job carries an extend block
  extendKeys: string[];
  diResourceGroup: { value: string | null; foundIn: 'spec.nodes[0].runtimeResource.resourceGroup' | 'spec.nodes[0].script.content.extend.resourceGroup' | 'nowhere' };
  schedulingFields: string[]; // the scheduling fields present, as paths: trigger.cron, rerunMode, spec.dependencies, ...
};

export type WriteProbe = {
  // 2020-05-18: UpdateDISyncTask; 2024-05-18: UpdateNode with the node's id and its own script.content
  // (or the id alone, for a node without content), as dwsync's updates write a FlowSpec.
  sent: 'TaskContent unchanged, no TaskParam' | 'UpdateNode: script.content unchanged' | 'UpdateNode: the node id only';
  outcome: 'unchanged' | 'changed' | 'failed';
  // From the content before to the content after (secret values masked); on 2024-05-18 from the FlowSpec
  // before to the one after, the job inside script.content compared as JSON.
  changes: Operation[];
  error?: { code: string; message: string };
  flowSpec?: FlowSpecProbe; // 2024-05-18 only
};

// What an unchanged UpdateNode settles: the version the service answers afterwards, and whether it keeps
// the job's extend block.
export type FlowSpecProbe = {
  versionBefore: string | null;
  versionSent: string;
  versionAfter: string | null;
  extend: 'kept' | 'dropped' | 'added' | 'absent';
};

export type DoctorReport = {
  formatVersion: 1;
  endpoint: string;
  projectId: number;
  ok: boolean; // every answer as documented, nothing failed, and the configured api is the suggested one
  api: ApiReport;
  checks: AnswerCheck[];
  content: ContentReport | null; // 2020-05-18; null when the workspace has no batch sync task to look at
  node: NodeReport | null; // 2024-05-18; null on a 2020-05-18 workspace, or when it has no DI node to look at
  writeProbe: WriteProbe | null; // null unless --write-probe
};
