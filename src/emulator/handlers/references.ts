import { DI_RESOURCE_GROUP_TYPE } from '../../dataworks/operations/list-resource-groups.js';
import { hasProject } from '../emulator-state.js';
import { answer, type OperationHandler } from './operation-handler.js';
import { projectNotFound } from './files.js';
import { readOptionalLong, readPage, readRequiredLong } from './read-params.js';

// ListResourceGroups and ListDataSources: the tenant's Data Integration resource groups and each
// workspace's data sources, as seeded from the task files or set through /__emulator/.


// Not paged. ResourceGroupType defaults to 1 (scheduling): the emulator has only DI groups (type 4).
export const listResourceGroups: OperationHandler<'ListResourceGroups'> = (params, ctx) => {
  const type = readOptionalLong(params, 'ResourceGroupType', 1);
  if (typeof type !== 'number') return type;
  const keyword = params.Keyword ?? '';
  const groups = type !== DI_RESOURCE_GROUP_TYPE ? [] : ctx.state.resourceGroups.filter((g) => g.identifier.includes(keyword) || g.name.includes(keyword));
  return answer('ListResourceGroups', {
    Success: true,
    HttpStatusCode: 200,
    Data: groups.map((g, i) => ({
      Id: 40_000_001 + i,
      Identifier: g.identifier,
      Name: g.name,
      ResourceGroupType: String(DI_RESOURCE_GROUP_TYPE),
      BizExtKey: 'single',
      Mode: 'ISOLATE',
      IsDefault: i === 0,
      Status: 0,
      Sequence: i + 1,
    })),
  });
};

// Paged: PageSize default 10, at most 100. A standard-mode workspace has each source in both
// environments (EnvType 0 development, 1 production); basic mode only in production.
export const listDataSources: OperationHandler<'ListDataSources'> = (params, ctx) => {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const paging = readPage(params);
  if (!('pageNumber' in paging)) return paging;
  const { pageNumber, pageSize } = paging;
  if (!hasProject(ctx.state, projectId)) return projectNotFound(projectId);
  const envs = ctx.projectMode === 'basic' ? [1] : [0, 1];
  const wantEnv = params.EnvType === undefined ? null : Number(params.EnvType);
  const all = (ctx.state.dataSources.get(projectId) ?? [])
    .filter((d) => params.Name === undefined || d.name.includes(params.Name))
    .filter((d) => params.DataSourceType === undefined || d.type === params.DataSourceType)
    .flatMap((d, i) => envs.filter((e) => wantEnv === null || e === wantEnv).map((envType) => ({ ...d, envType, id: 50_000_001 + i * 2 + envType })));
  const page = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return answer('ListDataSources', {
    Success: true,
    HttpStatusCode: 200,
    Data: {
      PageNumber: pageNumber,
      PageSize: pageSize,
      TotalCount: all.length,
      DataSources: page.map((d) => ({
        Id: d.id,
        Name: d.name,
        DataSourceType: d.type,
        EnvType: d.envType,
        ProjectId: projectId,
        Status: 1,
        ConnectStatus: 1,
        Shared: false,
        Description: '',
      })),
    },
  });
};
