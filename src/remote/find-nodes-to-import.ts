import { DI_COMMAND, splitNodePath } from '../core/flowspec/node-spec.js';
import { taskKey } from '../core/task/task.js';
import type { DataWorksSession, NodeSummary } from '../ports.js';
import type { FilesToImport } from './find-files-to-import.js';
import { notFound } from './import-live-tasks.js';
import { isInFolder, PAGE_SIZE } from './list-live-files.js';

// Which nodes an import reads on a 2024-05-18 workspace: every batch sync (DI) node of the project's
// folder tree (ListNodes, Scene DATAWORKS_PROJECT, all pages), kept to one folder with --folder; with
// --node-id just those, named and placed by the same listing. A node's folder is its script path
// without the name.
export async function findNodesToImport(
  session: DataWorksSession,
  request: { projectId: number; nodeIds?: string[] | undefined; folder?: string | undefined },
): Promise<FilesToImport> {
  const nodes = await listLiveNodes(session, request.projectId);
  const place = (node: NodeSummary) => ({ id: node.nodeId, fileName: node.name, folderPath: node.path ? splitNodePath(node.path).folder : '' });
  if (request.nodeIds && request.nodeIds.length > 0) {
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const wanted = [...new Set(request.nodeIds)];
    return {
      files: wanted.flatMap((id) => (byId.has(id) ? [place(byId.get(id)!)] : [])),
      failures: wanted.filter((id) => !byId.has(id)).map((id) => notFound(taskKey(request.projectId, id), 1, '')),
      listed: false,
    };
  }
  const files = nodes.map(place).filter((f) => request.folder === undefined || isInFolder(f.folderPath, request.folder));
  return { files, failures: [], listed: true };
}

// Every DI node of a project, page by page until TotalCount nodes are read (bounded as listLiveFiles is).
export async function listLiveNodes({ dataWorks, call }: DataWorksSession, projectId: number): Promise<NodeSummary[]> {
  const byId = new Map<string, NodeSummary>();
  let maxPages = 1;
  for (let page = 1; page <= maxPages; page++) {
    const { value } = await call(() => dataWorks.listNodes({ projectId, scene: 'DATAWORKS_PROJECT', pageNumber: page, pageSize: PAGE_SIZE }));
    if (page === 1) maxPages = Math.ceil(value.totalCount / PAGE_SIZE) + 1;
    for (const node of value.nodes) if (node.command === DI_COMMAND) byId.set(node.nodeId, node);
    if (value.nodes.length === 0 || page * PAGE_SIZE >= value.totalCount) break;
  }
  return [...byId.values()].sort((a, b) => a.nodeId.length - b.nodeId.length || (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0));
}
