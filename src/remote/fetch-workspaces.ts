import type { DataWorksSession } from '../ports.js';
import { DATA_STUDIO_API, LEGACY_API, type ApiOf, type ApiVersion } from '../core/config/api-version.js';
import type { Workspaces } from '../core/references/check-references.js';
import { DI_RESOURCE_GROUP_TYPE } from '../dataworks/operations/list-resource-groups.js';
import { MAX_NODES_PAGE_SIZE } from '../dataworks/operations/list-nodes.js';

export const DATA_SOURCES_PAGE_SIZE = 100;


// What the reference check compares against: each workspace's datasource names (ListDataSources,
// every page, once per workspace) and the Data Integration resource groups: ListResourceGroups once
// (2020-05-18, tenant-wide), and on a 2024-05-18 workspace its own (the 2024 ListResourceGroups, every
// page). Each workspace is asked in its own API generation.
// With outputsOf, the node outputs of those of the workspaces that speak 2024-05-18 (every node's,
// ListNodes, every page, and the workspace root's "<name>_root"); 2020-05-18 has no call that lists them.
export async function fetchWorkspaces(projectIds: Iterable<number>, deps: DataWorksSession, apiOf: ApiOf = () => LEGACY_API, outputsOf: Iterable<number> = []): Promise<Workspaces> {
  const datasources = new Map<number, string[]>();
  const unique = [...new Set(projectIds)];
  for (const projectId of unique) datasources.set(projectId, await listAllDataSources(projectId, deps, apiOf(projectId)));
  const groups = new Set<string>();
  if (unique.some((projectId) => apiOf(projectId) === LEGACY_API)) {
    const legacy = await deps.call(() => deps.dataWorks.listResourceGroups({ resourceGroupType: DI_RESOURCE_GROUP_TYPE }));
    for (const group of legacy.value.groups) groups.add(group.identifier);
  }
  for (const projectId of unique.filter((id) => apiOf(id) === DATA_STUDIO_API)) {
    for (const group of await listAllStudioGroups(projectId, deps)) groups.add(group);
  }
  const outputs = new Map<number, string[]>();
  for (const projectId of new Set(outputsOf)) if (apiOf(projectId) === DATA_STUDIO_API) outputs.set(projectId, await listAllOutputs(projectId, deps));
  return { datasources, resourceGroups: [...groups].sort(), ...(outputs.size > 0 ? { outputs } : {}) };
}

async function listAllOutputs(projectId: number, deps: DataWorksSession): Promise<string[]> {
  const { value: workspace } = await deps.call(() => deps.dataWorks.getWorkspace({ projectId }));
  const outputs = new Set(workspace.name ? [`${workspace.name}_root`] : []);
  let maxPages = 1;
  for (let page = 1; page <= maxPages; page++) {
    const { value } = await deps.call(() => deps.dataWorks.listNodes({ projectId, pageNumber: page, pageSize: MAX_NODES_PAGE_SIZE }));
    if (page === 1) maxPages = Math.ceil(value.totalCount / MAX_NODES_PAGE_SIZE) + 1;
    for (const node of value.nodes) for (const output of node.outputs) outputs.add(output);
    if (value.nodes.length === 0 || page * MAX_NODES_PAGE_SIZE >= value.totalCount) break;
  }
  return [...outputs].sort();
}

// Page by page until TotalCount names are read; bounded by the first answer's count (plus one page,
// for a workspace that grew meanwhile) and by an empty page.
async function listAllDataSources(projectId: number, deps: DataWorksSession, api: ApiVersion): Promise<string[]> {
  const names = new Set<string>();
  let maxPages = 1;
  for (let page = 1; page <= maxPages; page++) {
    const input = { projectId, pageNumber: page, pageSize: DATA_SOURCES_PAGE_SIZE };
    const { value } = await deps.call(() => (api === DATA_STUDIO_API ? deps.dataWorks.listDataSourcesOfStudio(input) : deps.dataWorks.listDataSources(input)));
    if (page === 1) maxPages = Math.ceil(value.totalCount / DATA_SOURCES_PAGE_SIZE) + 1;
    for (const source of value.dataSources) names.add(source.name);
    if (value.dataSources.length === 0 || page * DATA_SOURCES_PAGE_SIZE >= value.totalCount) break;
  }
  return [...names].sort();
}

async function listAllStudioGroups(projectId: number, deps: DataWorksSession): Promise<string[]> {
  const names: string[] = [];
  let maxPages = 1;
  for (let page = 1; page <= maxPages; page++) {
    const { value } = await deps.call(() => deps.dataWorks.listResourceGroupsOfStudio({ projectId, pageNumber: page, pageSize: DATA_SOURCES_PAGE_SIZE }));
    if (page === 1) maxPages = Math.ceil(value.totalCount / DATA_SOURCES_PAGE_SIZE) + 1;
    names.push(...value.groups.map((group) => group.identifier));
    if (value.groups.length === 0 || page * DATA_SOURCES_PAGE_SIZE >= value.totalCount) break;
  }
  return names;
}
