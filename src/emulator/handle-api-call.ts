import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProjectMode } from './actions/action-handler.js';
import { actionNotFound, dispatchAction, isKnownAction } from './dispatch-action.js';
import type { CallRecord, EmulatorState } from './emulator-state.js';
import { takeFault, writeFaultAnswer } from './faults.js';
import { BodyTooLargeError, parseParameters, parseTarget, readBody } from './read-request.js';
import {
  failure,
  formatGatewayError,
  formatServiceError,
  formatSuccess,
  newRequestId,
  sendJson,
  type ApiFailure,
} from './responses.js';
import { admitCall, type TrafficSettings } from './traffic-control.js';
import { verifySignature } from './verify-signature.js';

// One RPC call through the emulated gateway and service, in the service's order: scripted fault,
// API lookup, authentication, flow control, the action. Every answer is recorded.

export const API_VERSION = '2020-05-18';

export type ApiCallContext = {
  state: EmulatorState;
  traffic: TrafficSettings;
  credentials: Readonly<Record<string, string>>;
  projectMode: ProjectMode;
  deploymentPolls: number;
  latencyMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<boolean>; // false when the emulator is closing
};

export async function handleApiCall(req: IncomingMessage, res: ServerResponse, ctx: ApiCallContext): Promise<void> {
  const requestId = newRequestId();
  const hostId = req.headers.host ?? '127.0.0.1';
  const target = parseTarget(req.url);
  const record: CallRecord = { action: '', parameters: {}, status: null, requestId, time: '' };
  const answer = (status: number, body: unknown, code?: string) => {
    sendJson(res, status, body, requestId);
    finish(record, ctx, status, code);
  };

  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (err) {
    if (!(err instanceof BodyTooLargeError)) throw err;
    const f = failure(413, 'RequestEntityTooLarge', err.message);
    return answer(f.status, formatGatewayError(requestId, hostId, f), f.code);
  }
  const params = parseParameters(target.query, body, req.headers['content-type']);
  record.parameters = params;
  record.action = headerOf(req, 'x-acs-action') ?? params.Action ?? '';
  if (ctx.latencyMs > 0 && !(await ctx.sleep(ctx.latencyMs))) return;

  const fault = takeFault(ctx.state, record.action);
  if (fault?.kind === 'hang') {
    if (!(await ctx.sleep(fault.ms))) return;
  } else if (fault) {
    const written = writeFaultAnswer(res, fault, { requestId, hostId });
    return finish(record, ctx, written.status, written.code);
  }

  const gate = checkGateway(req, target, body, record.action, params, ctx);
  if (gate) return answer(gate.status, formatGatewayError(requestId, hostId, gate), gate.code);

  const outcome = dispatchAction(record.action, params, {
    state: ctx.state,
    now: ctx.now(),
    projectMode: ctx.projectMode,
    deploymentPolls: ctx.deploymentPolls,
  });
  if (outcome.ok) return answer(200, formatSuccess(requestId, outcome.data));
  return answer(outcome.status, formatServiceError(requestId, hostId, outcome), outcome.code);
}

function checkGateway(
  req: IncomingMessage,
  target: ReturnType<typeof parseTarget>,
  body: Buffer,
  action: string,
  params: Record<string, string>,
  ctx: ApiCallContext,
): ApiFailure | null {
  const version = headerOf(req, 'x-acs-version') ?? params.Version ?? '';
  if (version !== API_VERSION) return failure(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
  if (!isKnownAction(action)) return actionNotFound();
  const auth = verifySignature(
    { method: req.method ?? 'GET', path: target.path, query: target.query, headers: req.headers, body },
    { credentials: ctx.credentials, nonces: ctx.state.nonces, now: ctx.now() },
  );
  if ('code' in auth) return auth;
  return admitCall(ctx.state, ctx.traffic, ctx.now());
}

function finish(record: CallRecord, ctx: ApiCallContext, status: number | null, code: string | undefined): void {
  record.status = status;
  if (code !== undefined) record.code = code;
  record.time = new Date(ctx.now()).toISOString();
  ctx.state.calls.push(record);
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
