import type { UpdateFileFields } from './core/schedule/node-configuration.js';
import type { JsonObject } from './core/text/json.js';
import type { ImportOutcome } from './core/import/import-report.js';
import type { ApplyOutcome } from './core/plan/report.js';
import type { ProjectMode } from './dataworks/operations/get-project.js';

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
  schedule?: JsonObject; // Data.NodeConfiguration as a task file's schedule (core/schedule/node-configuration.ts)
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

// basic or standard: defined with GetProject, whose ProjectMode tells them apart.
export type { ProjectMode };

export type ProjectInfo = {
  requestId: string;
  mode: ProjectMode;
  defaultDiResourceGroup: string | null; // DefaultDiResourceGroupIdentifier
  identifier: string | null; // ProjectIdentifier: the workspace's name, as in its root node's output "<identifier>_root"
};

export type ResourceGroup = { identifier: string; name: string; type: string | null; isDefault: boolean };
export type DataSource = { name: string; type: string; envType: number | null };

export type { ApiVersion } from './core/config/api-version.js';

// 2024-05-18. Node ids are strings: they run to 19 digits, past what a JavaScript number holds exactly.
export type NodeRef = { projectId: number; nodeId: string };

// What GetNode shows of a node: Spec is its FlowSpec JSON (script.content holds the job JSON).
export type LiveNode = { nodeId: string; name: string; spec: string; taskId: number | null };

// One ListNodes entry. path is Script.Path ("folder/name"), command Script.Runtime.Command ("DI").
export type NodeSummary = { nodeId: string; name: string; path: string | null; command: string | null; outputs: string[] }; // outputs: what other nodes can depend on

export type ListNodesInput = {
  projectId: number;
  pageNumber: number; // 1-based
  pageSize: number; // at most 100
  name?: string; // the service matches it fuzzily: callers compare the names themselves
  scene?: string; // DATAWORKS_PROJECT
};

// A deploy (Online) or undeploy (Offline) process, read the way GetPipelineRun's model says: Status and
// each stage's Status are Init, Running, Success, Fail, Termination or Cancel.
export type PipelineStage = { code: string; type: string | null; status: string; name: string | null; message: string | null };
export type PipelineRun = {
  requestId: string;
  id: string;
  status: DeploymentStatus; // Success → success; Fail, Termination, Cancel → failed; else pending
  stages: PipelineStage[];
  errorMessage: string | null; // Pipeline.Message, or the failed stage's Message
};

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
  // The schedule's changed fields (UpdateFile; core/schedule/node-configuration.ts says which are sent).
  updateFile(ref: TaskRef & { fields: UpdateFileFields }): Promise<{ requestId: string }>;
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

  // 2024-05-18 (new Data Studio). Same rules: one method is one call; failures throw RemoteError.
  createNode(input: { projectId: number; spec: string; scene: 'DATAWORKS_PROJECT' }): Promise<{ requestId: string; nodeId: string }>;
  // Incremental: the service keeps what the Spec leaves out.
  updateNode(input: NodeRef & { spec: string }): Promise<{ requestId: string }>;
  // null when the node does not exist.
  getNode(ref: NodeRef): Promise<{ requestId: string; node: LiveNode | null }>;
  listNodes(input: ListNodesInput): Promise<{ requestId: string; totalCount: number; nodes: NodeSummary[] }>;
  deleteNode(ref: NodeRef): Promise<{ requestId: string }>;
  createPipelineRun(input: { projectId: number; objectId: string; type: 'Online' | 'Offline'; description?: string }): Promise<{ requestId: string; pipelineRunId: string }>;
  getPipelineRun(input: { projectId: number; pipelineRunId: string }): Promise<PipelineRun>;
  execPipelineRunStage(input: { projectId: number; pipelineRunId: string; code: string }): Promise<{ requestId: string }>;
  // The 2024-05-18 forms of the workspace, data source and resource group reads.
  getWorkspace(input: { projectId: number }): Promise<{ requestId: string; name: string; status: string | null; devEnvironmentEnabled: boolean | null }>;
  listDataSourcesOfStudio(input: { projectId: number; pageNumber: number; pageSize: number; name?: string }): Promise<{
    requestId: string;
    totalCount: number;
    dataSources: DataSource[];
  }>;
  listResourceGroupsOfStudio(input: { projectId?: number; pageNumber: number; pageSize: number }): Promise<{ requestId: string; totalCount: number; groups: ResourceGroup[] }>;
}

// The comments of one issue or pull request (the sticky plan and results comments use it).
export type IssueComment = { id: number; body?: string | null; html_url?: string; user?: { login: string } | null };
export type CommentsPort = {
  listComments(): Promise<IssueComment[]>; // every page
  createComment(body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<IssueComment>;
};

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

// Calls to DataWorks pass a rate limiter, then a runner that adds retries and the abort signal.
// take() resolves when the caller may start one call. onThrottle/onSuccess let a limiter that
// adapts to the service (adaptive-rate-limiter.ts) hear how calls went; a fixed one ignores them.
export type RateLimiter = {
  take(signal?: AbortSignal): Promise<void>;
  onThrottle?(hint?: ThrottleHint): void;
  onSuccess?(): void;
};

// What a throttling answer said about when to come back, if anything (the Retry-After header).
export type ThrottleHint = { retryAfterMs?: number | null };

// Every call of a run, read or write, goes through one of these: the same rate limiter, the same
// retry rules, the same abort signal.
export type CallRunner = <T>(call: () => Promise<T>) => Promise<{ value: T; attempts: number }>;

// What a run talks to DataWorks through: the port and the one call runner all its calls share.
export type DataWorksSession = { dataWorks: DataWorks; call: CallRunner };

// Whoever shows a run's progress (the CLI's progress line): told how many tasks the run works on,
// then the outcome of each as soon as it is recorded. The counting is theirs; a command only reports.
export type ProgressPort = {
  start(total: number): void;
  finish(outcome: ApplyOutcome | ImportOutcome): void;
};

// The few runner commands the Action uses, behind one small interface so the steps can be driven
// with a recorder; the real one (action/actions-port.ts) writes workflow commands and the runner's
// files. AnnotationPlace has the shape of @actions/core's AnnotationProperties.
export type AnnotationPlace = { title?: string; file?: string; startLine?: number; endLine?: number; startColumn?: number; endColumn?: number };
export type ActionsPort = {
  info(message: string): void;
  warning(message: string, properties?: AnnotationPlace): void;
  error(message: string, properties?: AnnotationPlace): void;
  setOutput(name: string, value: string | number): void;
  setSecret(secret: string): void;
  setFailed(message: string): void;
  appendSummary(markdown: string): Promise<void>;
  saveState(name: string, value: string): void; // read back by the post step
};
