import { hasProject } from '../emulator-state.js';
import { answer, type OperationHandler } from './operation-handler.js';
import { projectNotFound } from './files.js';
import { readPage, readRequiredLong } from './read-params.js';

// The 2024-05-18 GetProject, ListDataSources and ListResourceGroups over the same workspaces, data
// sources and resource groups as their 2020-05-18 forms (project.ts, references.ts).

export const getProject2024: OperationHandler<'GetProject2024'> = (params, ctx) => {
  const projectId = readRequiredLong(params, 'Id');
  if (typeof projectId !== 'number') return projectId;
  if (!hasProject(ctx.state, projectId)) return projectNotFound(projectId);
  return answer('GetProject2024', {
    Project: {
      Id: projectId,
      Name: `emulator_${projectId}`,
      DisplayName: `emulator_${projectId}`,
      Description: 'A workspace served by the dwsync emulator',
      Status: 'Available',
      DevEnvironmentEnabled: ctx.projectMode === 'standard',
      DevRoleDisabled: false,
      PaiTaskEnabled: false,
      Owner: 'emulator',
    },
  });
};

export const listDataSources2024: OperationHandler<'ListDataSources2024'> = (params, ctx) => {
  const projectId = readRequiredLong(params, 'ProjectId');
  if (typeof projectId !== 'number') return projectId;
  const paging = readPage(params);
  if (!('pageNumber' in paging)) return paging;
  const { pageNumber, pageSize } = paging;
  if (!hasProject(ctx.state, projectId)) return projectNotFound(projectId);
  const envs = ctx.projectMode === 'basic' ? ['Prod'] : ['Dev', 'Prod'];
  const all = (ctx.state.dataSources.get(projectId) ?? []).filter((d) => params.Name === undefined || d.name.includes(params.Name));
  return answer('ListDataSources2024', {
    PagingInfo: {
      PageNumber: pageNumber,
      PageSize: pageSize,
      TotalCount: all.length,
      DataSources: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((d, i) => ({
        Name: d.name,
        Type: d.type,
        DataSource: envs.map((env, e) => ({ Id: 60_000_001 + i * 2 + e, QualifiedName: `${projectId}:${d.name}:${env}`, ConnectionPropertiesMode: 'UrlMode', CreateUser: 'emulator' })),
      })),
    },
  });
};

export const listResourceGroups2024: OperationHandler<'ListResourceGroups2024'> = (params, ctx) => {
  const paging = readPage(params);
  if (!('pageNumber' in paging)) return paging;
  const { pageNumber, pageSize } = paging;
  const all = ctx.state.resourceGroups.filter((g) => params.Name === undefined || g.name.includes(params.Name));
  return answer('ListResourceGroups2024', {
    Success: true,
    PagingInfo: {
      PageNumber: pageNumber,
      PageSize: pageSize,
      TotalCount: all.length,
      ResourceGroupList: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((g) => ({
        Id: g.identifier,
        Name: g.name,
        ResourceGroupType: 'CommonV2',
        Status: 'Normal',
        PaymentType: 'PrePaid',
      })),
    },
  });
};
