import { RemoteError } from '../errors.js';
import type { DataWorks } from '../ports.js';
import type { CallOperation } from './create-operation-caller.js';
import { operations as op } from './operations/operations.js';
import { invalidAnswer, requestIdOf } from './parse-answer.js';
import { toLiveNode, toNodeSummary, toPipelineRun, toTotalCount } from './to-data-studio-values.js';

type DataStudioMethods = Pick<
  DataWorks,
  | 'createNode'
  | 'updateNode'
  | 'getNode'
  | 'listNodes'
  | 'deleteNode'
  | 'createPipelineRun'
  | 'getPipelineRun'
  | 'execPipelineRunStage'
  | 'getWorkspace'
  | 'listDataSourcesOfStudio'
  | 'listResourceGroupsOfStudio'
>;

// The port's 2024-05-18 (new Data Studio) methods over one operation caller. As for the 2020 ones, a
// 200 with Success: false is already a RemoteError (parse-answer.ts); a write whose model has Success
// counts as done only on an explicit Success: true.
export function createDataStudioMethods(call: CallOperation): DataStudioMethods {
  return {
    async createNode(input) {
      const { answer, status } = await call(op.CreateNode, { ProjectId: input.projectId, Scene: input.scene, Spec: input.spec });
      if (!answer.Id) throw invalidAnswer(status, requestIdOf(answer), 'CreateNode answered without the new node\'s Id');
      return { requestId: requestIdOf(answer), nodeId: answer.Id };
    },
    async updateNode(input) {
      const { answer, status } = await call(op.UpdateNode, { ProjectId: input.projectId, Id: input.nodeId, Spec: input.spec });
      requireSuccess(answer, status, 'UpdateNode');
      return { requestId: requestIdOf(answer) };
    },
    async getNode(ref) {
      try {
        const { answer, status } = await call(op.GetNode, { ProjectId: ref.projectId, Id: ref.nodeId });
        return { requestId: requestIdOf(answer), node: toLiveNode(answer, status) };
      } catch (err) {
        if (err instanceof RemoteError && isMissingNode(err)) return { requestId: err.requestId ?? '', node: null };
        throw err;
      }
    },
    async listNodes(input) {
      const { answer, status } = await call(op.ListNodes, {
        ProjectId: input.projectId,
        PageNumber: input.pageNumber,
        PageSize: input.pageSize,
        Name: input.name,
        Scene: input.scene,
      });
      if (!answer.PagingInfo) throw invalidAnswer(status, requestIdOf(answer), 'ListNodes answered without PagingInfo');
      const nodes = (answer.PagingInfo.Nodes ?? []).flatMap(toNodeSummary);
      const totalCount = toTotalCount(answer.PagingInfo.TotalCount, nodes.length, status, requestIdOf(answer));
      return { requestId: requestIdOf(answer), totalCount, nodes };
    },
    async deleteNode(ref) {
      const { answer, status } = await call(op.DeleteNode, { ProjectId: ref.projectId, Id: ref.nodeId });
      requireSuccess(answer, status, 'DeleteNode');
      return { requestId: requestIdOf(answer) };
    },
    async createPipelineRun(input) {
      const { answer, status } = await call(op.CreatePipelineRun, {
        ProjectId: input.projectId,
        Type: input.type,
        ObjectIds: [input.objectId],
        Description: input.description,
      });
      if (!answer.Id) throw invalidAnswer(status, requestIdOf(answer), 'CreatePipelineRun answered without the process Id');
      return { requestId: requestIdOf(answer), pipelineRunId: answer.Id };
    },
    async getPipelineRun(input) {
      const { answer, status } = await call(op.GetPipelineRun, { ProjectId: input.projectId, Id: input.pipelineRunId });
      return { requestId: requestIdOf(answer), ...toPipelineRun(answer, status) };
    },
    async execPipelineRunStage(input) {
      const { answer, status } = await call(op.ExecPipelineRunStage, { ProjectId: input.projectId, Id: input.pipelineRunId, Code: input.code });
      requireSuccess(answer, status, 'ExecPipelineRunStage');
      return { requestId: requestIdOf(answer) };
    },
    async getWorkspace(input) {
      const { answer, status } = await call(op.GetProject2024, { Id: input.projectId });
      const project = answer.Project;
      if (!project) throw invalidAnswer(status, requestIdOf(answer), 'GetProject answered without Project');
      return {
        requestId: requestIdOf(answer),
        name: project.Name ?? '',
        status: project.Status ?? null,
        devEnvironmentEnabled: project.DevEnvironmentEnabled ?? null,
      };
    },
    async listDataSourcesOfStudio(input) {
      const { answer, status } = await call(op.ListDataSources2024, {
        ProjectId: input.projectId,
        PageNumber: input.pageNumber,
        PageSize: input.pageSize,
        Name: input.name,
      });
      if (!answer.PagingInfo) throw invalidAnswer(status, requestIdOf(answer), 'ListDataSources answered without PagingInfo');
      // One entry per name: the model groups a data source's environments under it and has no EnvType.
      const dataSources = (answer.PagingInfo.DataSources ?? []).flatMap((d) => (d.Name ? [{ name: d.Name, type: d.Type ?? '', envType: null }] : []));
      return { requestId: requestIdOf(answer), totalCount: answer.PagingInfo.TotalCount ?? dataSources.length, dataSources };
    },
    async listResourceGroupsOfStudio(input) {
      const { answer, status } = await call(op.ListResourceGroups2024, {
        ProjectId: input.projectId,
        PageNumber: input.pageNumber,
        PageSize: input.pageSize,
      });
      if (!answer.PagingInfo) throw invalidAnswer(status, requestIdOf(answer), 'ListResourceGroups answered without PagingInfo');
      // Id is the identifier a node's runtimeResource.resourceGroup names; the model has no default flag.
      const groups = (answer.PagingInfo.ResourceGroupList ?? []).flatMap((g) =>
        g.Id ? [{ identifier: g.Id, name: g.Name ?? '', type: g.ResourceGroupType ?? null, isDefault: false }] : [],
      );
      return { requestId: requestIdOf(answer), totalCount: answer.PagingInfo.TotalCount ?? groups.length, groups };
    },
  };
}

// The answer the service gives for a node that does not exist. No published source names the real code;
// these are the emulator's (Invalid.Node.NotExist) and the spellings the 2020 API uses for files.
export function isMissingNode(err: RemoteError): boolean {
  return !err.retryable && /Node\.?Not\.?Exists?|Node\.?NotFound|NodeNotExist/i.test(err.code);
}

function requireSuccess(answer: { Success?: boolean | null | undefined; RequestId?: string | null | undefined }, status: number, action: string): void {
  if (answer.Success !== true) throw invalidAnswer(status, requestIdOf(answer), `${action} answered without Success: true`);
}
