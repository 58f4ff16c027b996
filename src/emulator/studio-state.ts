import type { EmulatorState } from './emulator-state.js';

// What the emulator keeps of a new-Data-Studio (2024-05-18) workspace: its nodes and pipeline runs.

export type EmulatorNode = {
  projectId: number;
  id: string; // 19 digits, from a counter
  scene: string;
  spec: Record<string, unknown>; // the FlowSpec document, parsed; answered as its JSON text
  createTime: number;
  modifyTime: number;
  taskId: number | null; // set once deployed
  deployed: boolean;
  updates: number; // accepted UpdateNode calls
};

export type EmulatorStage = { code: string; type: string; name: string; status: string; message: string | null; manual: boolean };
export type EmulatorPipelineRun = {
  id: string;
  projectId: number;
  nodeId: string;
  type: 'Online' | 'Offline';
  description: string;
  stages: EmulatorStage[];
  status: string;
  message: string | null;
  failAt: { code: string; message: string } | null; // a scripted failure of one stage
  createTime: number;
  modifyTime: number;
};

export type StudioState = {
  newStudioProjects: Set<number>;
  nodes: Map<string, EmulatorNode>; // by "projectId/id"
  pipelineRuns: Map<string, EmulatorPipelineRun>;
  nextNodeId: bigint;
  nextPipelineRun: number;
  nextTaskId: number;
};

export function createStudioState(): StudioState {
  return { newStudioProjects: new Set(), nodes: new Map(), pipelineRuns: new Map(), nextNodeId: 7_000_000_000_000_000_001n, nextPipelineRun: 1, nextTaskId: 800_000_001 };
}

export function isNewStudio(state: EmulatorState, projectId: number): boolean {
  return state.studio.newStudioProjects.has(projectId);
}

export function markNewStudio(state: EmulatorState, projectId: number): void {
  state.studio.newStudioProjects.add(projectId);
  state.projects.add(projectId);
}

export function nodeKeyOf(projectId: number, id: string): string {
  return `${projectId}/${id}`;
}

export function findNode(state: EmulatorState, projectId: number | null, id: string): EmulatorNode | undefined {
  if (projectId !== null) return state.studio.nodes.get(nodeKeyOf(projectId, id));
  return [...state.studio.nodes.values()].find((n) => n.id === id);
}

// Node ids are unique across workspaces: a new one skips any id a seeded node already has.
export function newNodeId(state: EmulatorState): string {
  const taken = new Set([...state.studio.nodes.values()].map((node) => node.id));
  let id = String(state.studio.nextNodeId);
  while (taken.has(id)) id = String(++state.studio.nextNodeId);
  state.studio.nextNodeId += 1n;
  return id;
}

// A node seeded from a task file (nodeId given) or through /__emulator/: an empty DI node.
export type NodeSeed = { projectId: number; nodeId: string; name?: string; spec?: Record<string, unknown> };

export function seedNode(state: EmulatorState, seed: NodeSeed, now: number): EmulatorNode {
  markNewStudio(state, seed.projectId);
  const name = seed.name ?? `di_${seed.nodeId}`;
  const node: EmulatorNode = {
    projectId: seed.projectId,
    id: seed.nodeId,
    scene: 'DATAWORKS_PROJECT',
    spec: seed.spec ?? emptyDiSpec(seed.nodeId, name),
    createTime: now,
    modifyTime: now,
    taskId: null,
    deployed: false,
    updates: 0,
  };
  state.studio.nodes.set(nodeKeyOf(node.projectId, node.id), node);
  return node;
}

export function emptyDiSpec(id: string, name: string): Record<string, unknown> {
  return {
    version: '2.0.0',
    kind: 'Node',
    spec: { nodes: [{ id, name, script: { path: `dwsync/${name}`, language: 'di', runtime: { command: 'DI' }, content: '' } }] },
  };
}

export function listNodes(state: EmulatorState): EmulatorNode[] {
  return [...state.studio.nodes.values()].sort((a, b) => a.projectId - b.projectId || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
