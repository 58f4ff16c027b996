// The port through which dwsync talks to DataWorks (OpenAPI 2020-05-18). One method is one call:
// no retry and no rate limiting here (see call-with-retry.ts and rate-limiter.ts).
// Every method throws RemoteError for any failure, including a 200 with Success: false or
// Data.Status: "fail".

export type TaskRef = { projectId: number; fileId: number };

export type UpdateDISyncTaskInput = TaskRef & {
  taskContent: string; // the job JSON, as sent (TaskContent)
  taskParam: string; // the TaskParam JSON
};

export type LiveFile = {
  fileId: number;
  fileName: string;
  fileFolderPath: string; // e.g. "Business Flow/ods/Data Integration"
  fileType: number; // 23 = DI batch sync
  content: string; // the job JSON (Data.File.Content)
  resourceGroup: string | null; // Data.NodeConfiguration.ResourceGroupIdentifier, when given
};

export type FileSummary = { fileId: number; fileName: string; fileFolderPath: string; fileType: number };

export type DeploymentStatus = 'pending' | 'success' | 'failed';

export interface DataWorks {
  // Resolves the credentials without calling the service; throws UserInputError when there are none,
  // so a run stops before its first call instead of failing every task.
  verifyCredentials?(): Promise<void>;
  updateDISyncTask(input: UpdateDISyncTaskInput): Promise<{ requestId: string }>;
  // null when the file does not exist (the service answers an "invalid file" error).
  getFile(ref: TaskRef): Promise<{ requestId: string; file: LiveFile | null }>;
  listFiles(input: {
    projectId: number;
    fileTypes: string; // "23"
    pageNumber: number; // 1-based
    pageSize: number; // at most 100
  }): Promise<{ requestId: string; totalCount: number; files: FileSummary[] }>;
  submitFile(ref: TaskRef & { comment?: string }): Promise<{ requestId: string; deploymentId: number }>;
  deployFile(ref: TaskRef & { comment?: string }): Promise<{ requestId: string; deploymentId: number }>;
  getDeployment(input: { projectId: number; deploymentId: number }): Promise<{
    requestId: string;
    status: DeploymentStatus; // Status 0 pending, 1 success, 2 failed
    errorMessage: string | null;
  }>;
  getProject(input: { projectId: number }): Promise<{ requestId: string; mode: 'basic' | 'standard' }>;
  // The batch sync files of this exact name in this folder (ListFiles with FileFolderPath,
  // ExactFileName, FileTypes=23): what a task given by name and folder adopts.
  findFiles(input: { projectId: number; folder: string; name: string }): Promise<{ requestId: string; files: FileSummary[] }>;
  // CreateDISyncTask (DI_OFFLINE); the same clientToken twice creates one task.
  createDISyncTask(input: {
    projectId: number;
    name: string;
    taskContent: string; // TaskContent, as sent
    taskParam: string; // TaskParam: FileFolderPath, ResourceGroup, Cu
    clientToken: string;
  }): Promise<{ requestId: string; fileId: number }>;
  // DeleteFile; deploymentId is the removal from scheduling to poll, null when there is none.
  deleteFile(ref: TaskRef): Promise<{ requestId: string; deploymentId: number | null }>;
  listDataSources(input: { projectId: number; pageNumber: number; pageSize: number }): Promise<{ requestId: string; totalCount: number; names: string[] }>;
  // The Data Integration resource groups (ResourceGroupType 4): their identifiers.
  listResourceGroups(): Promise<{ requestId: string; identifiers: string[] }>;
}
