import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMessage, UserInputError } from '../errors.js';
import {
  createEmulatorState,
  editTask,
  seedTask,
  setResourceGroups,
  type EmulatorState,
  type EmulatorTask,
  type TaskSeed,
} from './emulator-state.js';
import { enqueueFault, type Fault, type FaultTarget } from './faults.js';
import type { ProjectMode } from '../dataworks/operations/get-project.js';
import { handleApiCall, type ApiCallContext } from './handle-api-call.js';
import { INSPECTION_PREFIX, serveInspection } from './inspection-routes.js';
import { sendJson } from './responses.js';
import { markNewStudio, seedNode, type EmulatorNode, type NodeSeed } from './studio-state.js';

// A local, in-memory DataWorks RPC endpoint on 127.0.0.1 (docs/emulator.md): legacy workspaces speak
// 2020-05-18, new-Data-Studio ones 2024-05-18.

export type { EmulatorDataSource, EmulatorResourceGroup, EmulatorState, EmulatorTask, TaskSeed } from './emulator-state.js';
export { seedFromTasks, seedNamedTaskReferences } from './seed-from-tasks.js';
export type { Fault, FaultTarget } from './faults.js';
export type { EmulatorNode, EmulatorPipelineRun, NodeSeed } from './studio-state.js';
export { FAIL_DEPLOY_MARKER } from './handlers/deployments.js';

export type EmulatorOptions = {
  port?: number; // 0 = any free port (default 0)
  seed?: TaskSeed[];
  newStudio?: number[]; // workspaces on the new Data Studio (2024-05-18); every other one is legacy
  nodes?: NodeSeed[]; // nodes of new-Data-Studio workspaces (their workspaces become new ones)
  resourceGroups?: string[]; // the tenant's DI resource groups; when given, any other group is invalid
  latencyMs?: number; // delay every answer
  qps?: number; // 0 = no limit; excess calls answered Throttling.User (HTTP 400) like the service
  failRate?: number; // 0..1 share of calls answered ServiceUnavailable (503)
  quotaAfter?: number | null; // after this many API calls, answer every call Throttling.Api.Risk
  projectMode?: ProjectMode; // default 'standard'
  deploymentPolls?: number; // GetDeployment polls answered "pending" before a deployment ends (default 2)
  random?: () => number; // for fail-rate determinism (default Math.random)
  credentials?: Record<string, string>; // accessKeyId -> secret; default { emulator: 'emulator' }
  now?: () => number; // the emulator's clock (QPS window, timestamp skew, records); default Date.now
};

export type Emulator = {
  url: string;
  port: number;
  state: EmulatorState; // for tests: read freely, change through the methods below
  close(): Promise<void>;
  failNext(fault: Fault, target?: FaultTarget): void; // target.action: only that action; target.times: default 1
  seedTask(seed: TaskSeed): EmulatorTask;
  editTask(ref: { projectId: number; fileId: number }, change: { taskContent?: string; taskParam?: string }): EmulatorTask;
  seedNode(seed: NodeSeed): EmulatorNode;
};

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  checkOptions(options);
  const now = options.now ?? Date.now;
  const state = createEmulatorState();
  for (const seed of options.seed ?? []) seedTask(state, seed, now());
  for (const projectId of options.newStudio ?? []) markNewStudio(state, projectId);
  for (const seed of options.nodes ?? []) seedNode(state, seed, now());
  if (options.resourceGroups) setResourceGroups(state, options.resourceGroups);

  const closing = new AbortController();
  // Every request held by latency listens for close(): hundreds at once are normal, not a leak.
  setMaxListeners(0, closing.signal);
  const ctx: ApiCallContext = {
    state,
    traffic: {
      qps: options.qps ?? 0,
      quotaAfter: options.quotaAfter ?? null,
      failRate: options.failRate ?? 0,
      random: options.random ?? Math.random,
    },
    credentials: options.credentials ?? { emulator: 'emulator' },
    projectMode: options.projectMode ?? 'standard',
    deploymentPolls: options.deploymentPolls ?? 2,
    latencyMs: options.latencyMs ?? 0,
    now,
    sleep: (ms) => sleepUnlessAborted(ms, closing.signal),
  };

  // The SDK puts TaskContent in the query string; the real gateway's limit on a request line is not
  // published, so the emulator accepts up to 1 MiB of headers rather than Node's 16 KiB.
  const server = createServer({ maxHeaderSize: 1024 * 1024 }, (req, res) => {
    route(req, res, ctx).catch((err: unknown) => answerInternalError(res, err));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        // Keep-alive sockets and requests held by latency or "hang" faults would keep close() waiting.
        server.closeAllConnections();
      });
      return closed;
    },
    failNext: (fault, target) => enqueueFault(state, fault, target),
    seedTask: (seed) => seedTask(state, seed, now()),
    editTask: (ref, change) => editTask(state, ref, change, now()),
    seedNode: (seed) => seedNode(state, seed, now()),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: ApiCallContext): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (path.startsWith(INSPECTION_PREFIX)) return serveInspection(req, res, path, ctx.state, ctx.now());
  return handleApiCall(req, res, ctx);
}

function answerInternalError(res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, 500, { Code: 'InternalError', Message: `The emulator failed: ${errorMessage(err)}` });
}

function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function checkOptions(o: EmulatorOptions): void {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => ok || problems.push(message);
  check(o.port === undefined || (Number.isInteger(o.port) && o.port >= 0 && o.port <= 65_535), `port must be 0..65535, got ${o.port}`);
  check(o.latencyMs === undefined || o.latencyMs >= 0, `latencyMs must be >= 0, got ${o.latencyMs}`);
  check(o.qps === undefined || o.qps >= 0, `qps must be >= 0, got ${o.qps}`);
  check(o.failRate === undefined || (o.failRate >= 0 && o.failRate <= 1), `failRate must be within 0..1, got ${o.failRate}`);
  check(o.quotaAfter == null || (Number.isInteger(o.quotaAfter) && o.quotaAfter >= 0), `quotaAfter must be a whole number >= 0, got ${o.quotaAfter}`);
  check(o.deploymentPolls === undefined || (Number.isInteger(o.deploymentPolls) && o.deploymentPolls >= 0), `deploymentPolls must be a whole number >= 0, got ${o.deploymentPolls}`);
  for (const s of o.seed ?? []) {
    check(Number.isSafeInteger(s.projectId) && s.projectId > 0 && Number.isSafeInteger(s.fileId) && s.fileId > 0, `seed ids must be positive integers, got ${s.projectId}/${s.fileId}`);
  }
  if (problems.length > 0) throw new UserInputError(`invalid emulator options: ${problems.join('; ')}`);
}
