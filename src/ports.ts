import type { CommentsPort } from './github/sticky-comment.js';

// Time and waiting are passed in, so tests can drive retries and rate limits without real waits.
export type Clock = {
  now(): number; // milliseconds since the epoch
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

// Where commands say what they are doing. The CLI writes to stderr; tests collect lines.
export type Logger = {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
};

export const silentLogger: Logger = { info() {}, warn() {}, debug() {} };

// The port through which dwsync talks to DataWorks (OpenAPI 2020-05-18). One method is one call of
// one operation (operations/): no retry and no rate limiting here (see call-runner.ts).
// Every method throws RemoteError for any failure, including a 200 with Success: false or
// Data.Status: "fail".

export type TaskRef = { projectId: number; fileId: number };

export type UpdateDISyncTaskInput = TaskRef & {
  taskContent?: string; // the job JSON, as sent (TaskContent); left out = keep what the service has
  taskParam?: string; // the TaskParam JSON; left out = keep what the service has
};

export type CreateDISyncTaskInput = {
  projectId: number;
  taskName: string;
  folderPath: string; // DataWorks folder, e.g. "Business Flow/ods/Data Integration" (TaskParam.FileFolderPath)
  taskContent: string;
  taskParam: string; // the task's TaskParam JSON object ({ResourceGroup, Cu}); FileFolderPath is added to it
  clientToken?: string; // makes a retried create idempotent
};

// What GetFile shows of a file. It has no folder path (ListFiles has) and no DI resource group (the
// job JSON keeps it in Content.extend.resourceGroup, see core/task/service-managed-content.ts).
export type LiveFile = {
  fileId: number;
  fileName: string;
  fileType: number; // 23 = DI batch sync
  content: string; // the job JSON (Data.File.Content)
};

export type FileSummary = { fileId: number; fileName: string; folderPath: string; fileType: number };

export type ListFilesInput = {
  projectId: number;
  pageNumber: number; // 1-based
  pageSize: number; // at most 100
  fileTypes?: string; // "23"
  fileIds?: number[]; // FileIdIn, at most 50
  exactFileName?: string;
  folderPath?: string; // FileFolderPath
};

// GetDeployment read the way the model says: done only when Status is 1 and CheckingStatus is empty.
export type DeploymentStatus = 'pending' | 'success' | 'failed';
export type Deployment = {
  requestId: string;
  status: DeploymentStatus;
  checking: boolean; // CheckingStatus 8: the pre-publish checks are running
  errorMessage: string | null; // the service's own words when it failed
};

// basic: one environment, a file is live once submitted; standard: development and production apart.
export type ProjectMode = 'basic' | 'standard';

export type ProjectInfo = {
  requestId: string;
  mode: ProjectMode;
  defaultDiResourceGroup: string | null; // DefaultDiResourceGroupIdentifier
};

export type ResourceGroup = { identifier: string; name: string; type: string | null; isDefault: boolean };
export type DataSource = { name: string; type: string; envType: number | null };

export interface DataWorks {
  // Resolves the credentials without calling the service; throws UserInputError when there are none,
  // so a run stops before its first call instead of failing every task.
  verifyCredentials?(): Promise<void>;
  updateDISyncTask(input: UpdateDISyncTaskInput): Promise<{ requestId: string }>;
  createDISyncTask(input: CreateDISyncTaskInput): Promise<{ requestId: string; fileId: number }>;
  // null when the file does not exist (the service answers an "invalid file" error).
  getFile(ref: TaskRef): Promise<{ requestId: string; file: LiveFile | null }>;
  listFiles(input: ListFilesInput): Promise<{ requestId: string; totalCount: number; files: FileSummary[] }>;
  submitFile(ref: TaskRef & { comment?: string }): Promise<{ requestId: string; deploymentId: number }>;
  deployFile(ref: TaskRef & { comment?: string }): Promise<{ requestId: string; deploymentId: number }>;
  getDeployment(input: { projectId: number; deploymentId: number }): Promise<Deployment>;
  // deploymentId null: the file is gone at once, nothing to poll.
  deleteFile(ref: TaskRef): Promise<{ requestId: string; deploymentId: number | null }>;
  getProject(input: { projectId: number }): Promise<ProjectInfo>;
  // Tenant-wide, not paged; type 4 = Data Integration.
  listResourceGroups(input: { resourceGroupType: number; keyword?: string }): Promise<{ requestId: string; groups: ResourceGroup[] }>;
  listDataSources(input: { projectId: number; pageNumber: number; pageSize: number; name?: string }): Promise<{
    requestId: string;
    totalCount: number;
    dataSources: DataSource[];
  }>;
}

// The few GitHub REST calls the Action makes, behind one port so the steps never build a client.

export type PullRequestRef = { number: number; htmlUrl: string; mergeCommitSha: string | null; state: string };

export type GithubApi = {
  // The login comments written with this token carry. A personal token answers GET /user; the
  // workflow's GITHUB_TOKEN cannot (403), and its comments are github-actions[bot]'s.
  readIdentity(): Promise<string>;
  readPullHead(pullNumber: number): Promise<string>; // GET /repos/{owner}/{repo}/pulls/{n}: head.sha
  listPullsOfCommit(sha: string): Promise<PullRequestRef[]>; // GET /repos/{owner}/{repo}/commits/{sha}/pulls
  comments(issueNumber: number): CommentsPort;
};

export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
