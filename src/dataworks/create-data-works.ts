import { RemoteError } from '../errors.js';
import { createDataStudioMethods } from './create-data-studio-methods.js';
import { createSdkCaller, type CreateDataWorksOptions } from './create-sdk-caller.js';
import type { DataWorks } from '../ports.js';
import { operations as op } from './operations/operations.js';
import { invalidAnswer, requestIdOf } from './parse-answer.js';
import { isMissingFile } from './is-missing-file.js';
import { toDeployment, toFileSummary, toLiveFile, toProjectMode } from './to-port-values.js';

export type { CreateDataWorksOptions } from './create-sdk-caller.js';

// The DataWorks port over the Alibaba SDK: each method is one operation (operations/), its request
// built and its answer read through that operation's definition. The 2024-05-18 methods are in
// create-data-studio-methods.ts.
export function createDataWorks(options: CreateDataWorksOptions): DataWorks {
  const { call, credential } = createSdkCaller(options);

  return {
    ...createDataStudioMethods(call),
    async verifyCredentials() {
      await credential.getCredential();
    },
    async updateDISyncTask(input) {
      const { answer, status } = await call(op.UpdateDISyncTask, {
        ProjectId: input.projectId,
        FileId: input.fileId,
        TaskType: 'DI_OFFLINE',
        TaskContent: input.taskContent,
        TaskParam: input.taskParam,
      });
      // Counted as applied only on an explicit success.
      if (answer.Data?.Status?.toLowerCase() !== 'success') {
        throw invalidAnswer(status, requestIdOf(answer), 'UpdateDISyncTask answered without Data.Status "success"');
      }
      return { requestId: requestIdOf(answer) };
    },
    async createDISyncTask(input) {
      const taskParam = { FileFolderPath: input.folderPath, ...(JSON.parse(input.taskParam) as Record<string, unknown>) };
      const { answer, status } = await call(op.CreateDISyncTask, {
        ProjectId: input.projectId,
        TaskType: 'DI_OFFLINE',
        TaskName: input.taskName,
        TaskContent: input.taskContent,
        TaskParam: JSON.stringify(taskParam),
        ClientToken: input.clientToken,
      });
      const fileId = answer.Data?.FileId;
      if (answer.Data?.Status?.toLowerCase() !== 'success' || typeof fileId !== 'number') {
        throw invalidAnswer(status, requestIdOf(answer), 'CreateDISyncTask answered without Data.Status "success" and a Data.FileId');
      }
      return { requestId: requestIdOf(answer), fileId };
    },
    async getFile(ref) {
      try {
        const { answer, status } = await call(op.GetFile, { ProjectId: ref.projectId, FileId: ref.fileId });
        return { requestId: requestIdOf(answer), file: toLiveFile(answer, status) };
      } catch (err) {
        if (err instanceof RemoteError && isMissingFile(err)) return { requestId: err.requestId ?? '', file: null };
        throw err;
      }
    },
    async listFiles(input) {
      const { answer, status } = await call(op.ListFiles, {
        ProjectId: input.projectId,
        FileTypes: input.fileTypes,
        FileIdIn: input.fileIds?.join(','),
        ExactFileName: input.exactFileName,
        FileFolderPath: input.folderPath,
        PageNumber: input.pageNumber,
        PageSize: input.pageSize,
        NeedAbsoluteFolderPath: true,
      });
      if (!answer.Data) throw invalidAnswer(status, requestIdOf(answer), 'ListFiles answered without Data');
      const files = (answer.Data.Files ?? []).map(toFileSummary);
      return { requestId: requestIdOf(answer), totalCount: answer.Data.TotalCount ?? files.length, files };
    },
    async submitFile(ref) {
      const { answer, status } = await call(op.SubmitFile, { ProjectId: ref.projectId, FileId: ref.fileId, Comment: ref.comment });
      return { requestId: requestIdOf(answer), deploymentId: requireId(answer.Data, status, requestIdOf(answer)) };
    },
    async updateFile(ref) {
      const { answer } = await call(op.UpdateFile, { ProjectId: ref.projectId, FileId: ref.fileId, ...ref.fields });
      return { requestId: requestIdOf(answer) };
    },
    async deployFile(ref) {
      const { answer, status } = await call(op.DeployFile, { ProjectId: ref.projectId, FileId: ref.fileId, Comment: ref.comment });
      return { requestId: requestIdOf(answer), deploymentId: requireId(answer.Data, status, requestIdOf(answer)) };
    },
    async getDeployment(input) {
      const { answer, status } = await call(op.GetDeployment, { ProjectId: input.projectId, DeploymentId: input.deploymentId });
      return { requestId: requestIdOf(answer), ...toDeployment(answer, status) };
    },
    async deleteFile(ref) {
      const { answer } = await call(op.DeleteFile, { ProjectId: ref.projectId, FileId: ref.fileId });
      return { requestId: requestIdOf(answer), deploymentId: answer.DeploymentId ?? null };
    },
    async getProject(input) {
      const { answer, status } = await call(op.GetProject, { ProjectId: input.projectId });
      if (!answer.Data) throw invalidAnswer(status, requestIdOf(answer), 'GetProject answered without Data');
      return {
        requestId: requestIdOf(answer),
        mode: toProjectMode(answer.Data),
        defaultDiResourceGroup: answer.Data.DefaultDiResourceGroupIdentifier || null,
        identifier: answer.Data.ProjectIdentifier || null,
      };
    },
    async listResourceGroups(input) {
      const { answer } = await call(op.ListResourceGroups, { ResourceGroupType: input.resourceGroupType, Keyword: input.keyword });
      const groups = (answer.Data ?? []).flatMap((g) =>
        g.Identifier ? [{ identifier: g.Identifier, name: g.Name ?? '', type: g.ResourceGroupType ?? null, isDefault: g.IsDefault === true }] : [],
      );
      return { requestId: requestIdOf(answer), groups };
    },
    async listDataSources(input) {
      const { answer, status } = await call(op.ListDataSources, {
        ProjectId: input.projectId,
        PageNumber: input.pageNumber,
        PageSize: input.pageSize,
        Name: input.name,
      });
      if (!answer.Data) throw invalidAnswer(status, requestIdOf(answer), 'ListDataSources answered without Data');
      const dataSources = (answer.Data.DataSources ?? []).flatMap((d) =>
        d.Name ? [{ name: d.Name, type: d.DataSourceType ?? '', envType: d.EnvType ?? null }] : [],
      );
      return { requestId: requestIdOf(answer), totalCount: answer.Data.TotalCount ?? dataSources.length, dataSources };
    },
  };
}


function requireId(value: number | null | undefined, status: number, requestId: string): number {
  if (typeof value !== 'number') throw invalidAnswer(status, requestId, 'expected a deployment id in Data');
  return value;
}
