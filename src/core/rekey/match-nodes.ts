// Pairs each legacy task (a file id) of an upgraded workspace with the node it became.
// Rule: an explicit pair (--map) wins; otherwise the node whose Name equals the task's legacy file
// name, narrowed by the legacy folder path when it is known. No candidate → unmatched; several →
// ambiguous. A node is given to one task only: two tasks claiming the same node are both ambiguous.
export type LegacyTask = { fileId: number; name?: string; folder?: string };
export type DiNode = { id: string; name: string; path?: string };

export type RekeyMatch = {
  matched: { fileId: number; nodeId: string; by: 'map' | 'name' | 'name-and-path' }[];
  unmatched: { fileId: number; reason: string }[];
  ambiguous: { fileId: number; nodeIds: string[] }[];
};

function _underFolder(node: DiNode, folder: string): boolean {
  const path = node.path ?? '';
  const trimmed = folder.replace(/^\/+|\/+$/g, '');
  return path.replace(/^\/+/, '').startsWith(`${trimmed}/`);
}

export function matchNodes(tasks: LegacyTask[], nodes: DiNode[], map: ReadonlyMap<number, string>): RekeyMatch {
  const result: RekeyMatch = { matched: [], unmatched: [], ambiguous: [] };
  const nodeIds = new Set(nodes.map((n) => n.id));
  for (const task of tasks) {
    const given = map.get(task.fileId);
    if (given !== undefined) {
      if (nodeIds.has(given)) result.matched.push({ fileId: task.fileId, nodeId: given, by: 'map' });
      else result.unmatched.push({ fileId: task.fileId, reason: `the map names node ${given}, which is not a DI node of the workspace` });
      continue;
    }
    if (task.name === undefined) {
      result.unmatched.push({ fileId: task.fileId, reason: 'its legacy file name is unknown; give the pair with --map' });
      continue;
    }
    let candidates = nodes.filter((n) => n.name === task.name);
    const byPath = task.folder !== undefined && candidates.length > 1;
    if (byPath) candidates = candidates.filter((n) => _underFolder(n, task.folder ?? ''));
    if (candidates.length === 0) result.unmatched.push({ fileId: task.fileId, reason: `no DI node is named "${task.name}"` });
    else if (candidates.length > 1) result.ambiguous.push({ fileId: task.fileId, nodeIds: candidates.map((n) => n.id) });
    else result.matched.push({ fileId: task.fileId, nodeId: candidates[0]!.id, by: byPath ? 'name-and-path' : 'name' });
  }
  // One node, one task.
  const claims = new Map<string, number>();
  for (const m of result.matched) claims.set(m.nodeId, (claims.get(m.nodeId) ?? 0) + 1);
  const clashing = result.matched.filter((m) => (claims.get(m.nodeId) ?? 0) > 1);
  result.matched = result.matched.filter((m) => (claims.get(m.nodeId) ?? 0) === 1);
  for (const m of clashing) result.ambiguous.push({ fileId: m.fileId, nodeIds: [m.nodeId] });
  return result;
}
