// Pairs each legacy task (a file id) of an upgraded workspace with the node it became.
// Rule: an explicit pair (--map) wins; otherwise the node whose Name equals the task's legacy file
// name, narrowed by the legacy folder when several nodes share the name (the node's script path must
// then be "<folder>/<name>"; when none is, all stay candidates). No candidate → unmatched; several → ambiguous. A node goes to one task
// only: two tasks that claim the same node are both ambiguous. Pure.
export type LegacyTask = { fileId: number; name?: string | undefined; folder?: string | undefined };
export type DiNode = { id: string; name: string; path: string | null };
export type MatchedBy = 'map' | 'name' | 'name-and-folder';

export type NodeMatch = {
  matched: { fileId: number; nodeId: string; by: MatchedBy }[];
  unmatched: { fileId: number; reason: string }[];
  ambiguous: { fileId: number; nodeIds: string[] }[];
};

export function matchNodes(tasks: readonly LegacyTask[], nodes: readonly DiNode[], map: ReadonlyMap<number, string>): NodeMatch {
  const result: NodeMatch = { matched: [], unmatched: [], ambiguous: [] };
  const nodeIds = new Set(nodes.map((n) => n.id));
  for (const task of tasks) {
    const given = map.get(task.fileId);
    if (given !== undefined) {
      if (nodeIds.has(given)) result.matched.push({ fileId: task.fileId, nodeId: given, by: 'map' });
      else result.unmatched.push({ fileId: task.fileId, reason: `the map names node ${given}, which is not a DI node of the workspace` });
      continue;
    }
    if (task.name === undefined) {
      result.unmatched.push({ fileId: task.fileId, reason: 'its legacy file name is unknown (no import header): give the pair with --map' });
      continue;
    }
    let candidates = nodes.filter((n) => n.name === task.name);
    const byFolder = task.folder !== undefined && candidates.length > 1;
    // A folder that no longer fits any of them (the upgrade may move folders) leaves them all: ambiguous.
    const inFolder = byFolder ? candidates.filter((n) => trimSlashes(n.path ?? '') === trimSlashes(`${task.folder}/${task.name}`)) : [];
    if (inFolder.length > 0) candidates = inFolder;
    if (candidates.length === 0) result.unmatched.push({ fileId: task.fileId, reason: `no DI node is named "${task.name}"` });
    else if (candidates.length > 1) result.ambiguous.push({ fileId: task.fileId, nodeIds: candidates.map((n) => n.id) });
    else result.matched.push({ fileId: task.fileId, nodeId: candidates[0]!.id, by: inFolder.length === 1 ? 'name-and-folder' : 'name' });
  }
  const claims = new Map<string, number>();
  for (const m of result.matched) claims.set(m.nodeId, (claims.get(m.nodeId) ?? 0) + 1);
  for (const m of result.matched) if (claims.get(m.nodeId)! > 1) result.ambiguous.push({ fileId: m.fileId, nodeIds: [m.nodeId] });
  result.matched = result.matched.filter((m) => claims.get(m.nodeId) === 1);
  return result;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
