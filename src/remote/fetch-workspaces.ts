import type { DataWorksSession } from '../ports.js';
import type { Workspaces } from '../core/references/check-references.js';
import { DI_RESOURCE_GROUP_TYPE } from '../dataworks/operations/list-resource-groups.js';

export const DATA_SOURCES_PAGE_SIZE = 100;

// What the reference check compares against: each workspace's datasource names (ListDataSources,
// every page, once per workspace) and the Data Integration resource groups (ListResourceGroups, once).
export async function fetchWorkspaces(projectIds: Iterable<number>, deps: DataWorksSession): Promise<Workspaces> {
  const datasources = new Map<number, string[]>();
  for (const projectId of new Set(projectIds)) datasources.set(projectId, await listAllDataSources(projectId, deps));
  const groups = await deps.call(() => deps.dataWorks.listResourceGroups({ resourceGroupType: DI_RESOURCE_GROUP_TYPE }));
  return { datasources, resourceGroups: groups.value.groups.map((group) => group.identifier) };
}

// Page by page until TotalCount names are read; bounded by the first answer's count (plus one page,
// for a workspace that grew meanwhile) and by an empty page.
async function listAllDataSources(projectId: number, deps: DataWorksSession): Promise<string[]> {
  const names = new Set<string>();
  let maxPages = 1;
  for (let page = 1; page <= maxPages; page++) {
    const { value } = await deps.call(() => deps.dataWorks.listDataSources({ projectId, pageNumber: page, pageSize: DATA_SOURCES_PAGE_SIZE }));
    if (page === 1) maxPages = Math.ceil(value.totalCount / DATA_SOURCES_PAGE_SIZE) + 1;
    for (const source of value.dataSources) names.add(source.name);
    if (value.dataSources.length === 0 || page * DATA_SOURCES_PAGE_SIZE >= value.totalCount) break;
  }
  return [...names].sort();
}
