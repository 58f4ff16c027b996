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
  const nodes = await readAllPages(MAX_NODES_PAGE_SIZE, async (pageNumber) => {
    const { value } = await deps.call(() => deps.dataWorks.listNodes({ projectId, pageNumber, pageSize: MAX_NODES_PAGE_SIZE }));
    return { totalCount: value.totalCount, items: value.nodes };
  });
  for (const node of nodes) for (const output of node.outputs) outputs.add(output);
  return [...outputs].sort();
}

async function listAllDataSources(projectId: number, deps: DataWorksSession, api: ApiVersion): Promise<string[]> {
  const sources = await readAllPages(DATA_SOURCES_PAGE_SIZE, async (pageNumber) => {
    const input = { projectId, pageNumber, pageSize: DATA_SOURCES_PAGE_SIZE };
    const { value } = await deps.call(() => (api === DATA_STUDIO_API ? deps.dataWorks.listDataSourcesOfStudio(input) : deps.dataWorks.listDataSources(input)));
    return { totalCount: value.totalCount, items: value.dataSources };
  });
  return [...new Set(sources.map((source) => source.name))].sort();
}

async function listAllStudioGroups(projectId: number, deps: DataWorksSession): Promise<string[]> {
  const groups = await readAllPages(DATA_SOURCES_PAGE_SIZE, async (pageNumber) => {
    const { value } = await deps.call(() => deps.dataWorks.listResourceGroupsOfStudio({ projectId, pageNumber, pageSize: DATA_SOURCES_PAGE_SIZE }));
    return { totalCount: value.totalCount, items: value.groups };
  });
  return groups.map((group) => group.identifier);
}

// Page by page until TotalCount items are read; bounded by the first answer's count (plus one page,
// for a workspace that grew meanwhile) and by an empty page.
async function readAllPages<T>(pageSize: number, readPage: (pageNumber: number) => Promise<{ totalCount: number; items: T[] }>): Promise<T[]> {
  const all: T[] = [];
  let maxPages = 1;
  for (let page = 1; page <= maxPages; page++) {
    const { totalCount, items } = await readPage(page);
    if (page === 1) maxPages = Math.ceil(totalCount / pageSize) + 1;
    all.push(...items);
    if (items.length === 0 || page * pageSize >= totalCount) break;
  }
  return all;
}
