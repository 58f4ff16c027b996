import path from 'node:path';
import { apiOf, DATA_STUDIO_API } from '../core/config/api-version.js';
import type { Settings } from '../core/config/settings.js';
import { planRekey, type RekeyPlan } from '../core/rekey/plan-rekey.js';
import type { RekeyReport } from '../core/rekey/rekey-report.js';
import type { TaskRecord } from '../core/state/state-schema.js';
import { UserInputError } from '../errors.js';
import { listLiveNodes } from '../remote/find-nodes-to-import.js';
import { readState } from '../state/read-state.js';
import { withLockedStore } from '../state/with-locked-store.js';
import { readRekeyMap } from '../tasks/read-rekey-map.js';
import { readTaskFiles } from '../tasks/read-task-files.js';
import { readTaskText } from '../tasks/read-task-text.js';
import { writeTaskFile } from '../tasks/write-task-file.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { connect } from './connect.js';
import { resolveSettings } from './resolve-settings.js';
import { forWorkspace } from './workspaces.js';

export type RekeyOptions = CommandOptions & { projectId: number; dryRun?: boolean; mapFile?: string };

// `dwsync rekey`: after DataWorks moved a workspace to the new Data Studio, name each legacy task
// (fileId) by the node it became (nodeId) in its task file, and move its state record to the node's
// key with its whole history. Matching is core/rekey/match-nodes.ts; --dry-run writes nothing.
export async function rekey(options: RekeyOptions, deps: CommandDeps): Promise<RekeyReport> {
  const { projectId } = options;
  const settings = forWorkspace(await resolveSettings(options, deps.env), projectId);
  if (apiOf(settings.workspaces, projectId) !== DATA_STUDIO_API) {
    throw new UserInputError(`rekey moves workspace ${projectId}'s tasks to its new-Data-Studio nodes: set workspaces."${projectId}".api to "2024-05-18" in dwsync.yaml first`);
  }
  const map = options.mapFile === undefined ? new Map<number, string>() : await readRekeyMap(settings.root, options.mapFile);
  // Without apiOf: a fileId on a 2024-05-18 workspace is what rekey is here to change.
  const { tasks, problems } = await readTaskFiles({ root: settings.root, jobs: settings.jobs, only: [] });
  if (problems.length > 0) throw new UserInputError(`${problems.length} problem(s) in task files; fix them before rekey`, { problems });
  const texts = await readTexts(settings, tasks.filter((t) => t.projectId === projectId && t.fileId !== null).map((t) => t.file));
  const session = await connect(settings, deps);
  const nodes = (await listLiveNodes(session, projectId)).map((n) => ({ id: n.nodeId, name: n.name, path: n.path }));
  deps.logger.info(`found ${nodes.length} DI node(s) in workspace ${projectId}`);

  const plan = (records: Record<string, TaskRecord>) => planRekey({ projectId, tasks, texts, records, nodes, map });
  const done = options.dryRun
    ? plan((await readState(settings.statePath)).state.tasks)
    : await withLockedStore(settings.statePath, { command: 'dwsync rekey', now: () => deps.clock.now() }, (w) => deps.logger.warn(w), async (store) => {
        const planned = plan(store.state.tasks);
        await applyRekey(planned, settings, store);
        return planned;
      });
  return {
    formatVersion: 1,
    projectId,
    dryRun: options.dryRun ?? false,
    diNodes: nodes.length,
    rekeyed: done.moves.map(({ file, fileId, nodeId, by, recordMoved }) => ({ file, fileId, nodeId, by, recordMoved })),
    unmatched: done.unmatched,
    ambiguous: done.ambiguous,
  };
}

// Per task, in an order a rerun can finish: the record under the node's key, then the old key removed,
// then the task file rewritten (a rerun finds the record already moved and completes the file).
async function applyRekey(plan: RekeyPlan, settings: Settings, store: { record(k: string, r: TaskRecord): Promise<void>; remove(k: string): Promise<void> }): Promise<void> {
  for (const move of plan.moves) {
    if (move.record) await store.record(move.toKey, move.record);
    await store.remove(move.fromKey);
  }
  for (const [file, text] of plan.files) await writeTaskFile(path.resolve(settings.root, file), text, { overwrite: true });
}

async function readTexts(settings: Settings, files: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of new Set(files)) {
    const read = await readTaskText(path.resolve(settings.root, file));
    if ('problem' in read) throw new UserInputError(`${file}: ${read.problem}`);
    texts.set(file, read.text);
  }
  return texts;
}
