import { STATUS_CODES, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { isOperationName, operations } from '../dataworks/operations/operations.js';
import type { EmulatorState } from './emulator-state.js';
import { formatGatewayError, formatServiceError, sendJson, sendText } from './responses.js';

// Scripted faults: what a flaky network, a proxy or a misbehaving service can answer. Queued per
// action (or for any action), taken first-in first-out, each for a number of calls.

export const Fault = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('http'), status: z.number().int().min(400).max(599), code: z.string().min(1), message: z.string().optional() }),
  z.object({ kind: z.literal('html'), status: z.number().int().min(400).max(599).optional() }), // a proxy's error page
  z.object({ kind: z.literal('truncated') }), // 200, JSON cut short
  z.object({ kind: z.literal('reset') }), // the socket is destroyed, no answer
  z.object({ kind: z.literal('hang'), ms: z.number().int().min(0).max(600_000) }), // answers normally, late
  z.object({ kind: z.literal('success-false'), code: z.string().optional(), message: z.string().optional() }),
  z.object({ kind: z.literal('status-fail'), message: z.string().optional() }),
  // The next SubmitFile's pre-publish check fails (GetDeployment CheckingStatus 7), with this message.
  z.object({ kind: z.literal('check-failure'), message: z.string().optional() }),
  // The next CreatePipelineRun's process fails at this stage (default PROD_CHECK), with this Message.
  z.object({ kind: z.literal('stage-failure'), stage: z.string().min(1).optional(), message: z.string().optional() }),
  // The next answer carries a field its model does not document (at a dot path such as "Data.File.Foo").
  z.object({ kind: z.literal('undocumented-field'), path: z.string().min(1), value: z.unknown().optional() }),
]);
export type Fault = z.infer<typeof Fault>;

export const FaultRequest = z.intersection(
  Fault,
  z.object({ action: z.string().min(1).optional(), times: z.number().int().min(1).max(100_000).optional() }),
);
export type FaultRequest = z.infer<typeof FaultRequest>;

export const FaultRequests = z.union([FaultRequest, z.array(FaultRequest)]);

export type FaultTarget = { action?: string; times?: number };

// A fault that only one operation can act on waits for that operation unless told otherwise: queued
// for any action, the first call to come (an UpdateNode before the pipeline run) would take it unused.
const ACTED_ON_BY: Partial<Record<Fault['kind'], string>> = { 'check-failure': 'SubmitFile', 'stage-failure': 'CreatePipelineRun' };

export function enqueueFault(state: EmulatorState, fault: Fault, target: FaultTarget = {}): void {
  state.faults.push({ fault: stripTarget(fault), action: target.action ?? ACTED_ON_BY[fault.kind] ?? null, remaining: target.times ?? 1 });
}

export function takeFault(state: EmulatorState, action: string): Fault | null {
  const index = state.faults.findIndex((q) => q.action === null || q.action === action);
  const queued = state.faults[index];
  if (!queued) return null;
  queued.remaining -= 1;
  if (queued.remaining <= 0) state.faults.splice(index, 1);
  return queued.fault;
}

export type FaultAnswer = { status: number | null; code?: string };

// Writes what the fault claims to be. "hang" is not answered here: the caller waits, then goes on.
export function writeFaultAnswer(
  res: ServerResponse,
  fault: Exclude<Fault, { kind: 'hang' | 'check-failure' | 'stage-failure' | 'undocumented-field' }>,
  ids: { requestId: string; hostId: string },
  action: string,
): FaultAnswer {
  const operation = isOperationName(action) ? operations[action] : operations.UpdateDISyncTask;
  switch (fault.kind) {
    case 'http': {
      const f = { status: fault.status, code: fault.code, message: fault.message ?? `Injected fault ${fault.code}.` };
      sendJson(res, f.status, formatGatewayError(ids.requestId, ids.hostId, f), ids.requestId);
      return { status: f.status, code: f.code };
    }
    case 'html': {
      const status = fault.status ?? 502;
      sendText(res, status, 'text/html', formatProxyPage(status));
      return { status, code: 'html' };
    }
    case 'truncated': {
      const full = JSON.stringify({ RequestId: ids.requestId, Success: true, Data: { Status: 'success' } });
      sendText(res, 200, 'application/json;charset=utf-8', full.slice(0, Math.floor(full.length / 2)));
      return { status: 200, code: 'truncated' };
    }
    case 'reset':
      res.socket?.destroy();
      return { status: null, code: 'reset' };
    case 'success-false': {
      const f = { status: 200, code: fault.code ?? 'InternalError', message: fault.message ?? 'Injected Success: false.' };
      sendJson(res, 200, formatServiceError(ids.requestId, ids.hostId, f, operation), ids.requestId);
      return { status: 200, code: f.code };
    }
    case 'status-fail': {
      const data = { Status: 'fail', Message: fault.message ?? 'Injected Data.Status: fail.' };
      sendJson(res, 200, { RequestId: ids.requestId, Success: true, Data: data }, ids.requestId);
      return { status: 200, code: 'status-fail' };
    }
  }
}

function formatProxyPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n`;
}

function stripTarget(fault: Fault & FaultTarget): Fault {
  const { action: _action, times: _times, ...rest } = fault;
  return rest as Fault;
}
