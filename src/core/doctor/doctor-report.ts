import type { Operation } from 'fast-json-patch';
import type { ApiReport } from './suggest-api.js';
import type { AnswerProblem } from '../../dataworks/operations/check-answer.js';

// What `dwsync doctor --json` prints. It holds no secret: no credential, no content values (only key
// names, the DI resource group identifier, and a masked patch), so it can be pasted into a bug report.

export type AnswerCheck = {
  operation: string;
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

export type WriteProbe = {
  sent: 'TaskContent unchanged, no TaskParam';
  outcome: 'unchanged' | 'changed' | 'failed';
  changes: Operation[]; // from the content before to the content after (secret values masked)
  error?: { code: string; message: string };
};

export type DoctorReport = {
  formatVersion: 1;
  endpoint: string;
  projectId: number;
  ok: boolean; // every answer as documented, nothing failed, and the configured api is the suggested one
  api: ApiReport;
  checks: AnswerCheck[];
  content: ContentReport | null; // null when the workspace has no batch sync task to look at
  writeProbe: WriteProbe | null; // null unless --write-probe
};
