import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkAnswer, describeProblem } from '../dataworks/operations/check-answer.js';
import { findOperation, operations, type OperationName } from '../dataworks/operations/operations.js';
import type { ProjectMode } from '../dataworks/operations/get-project.js';
import { operationNotFound, dispatchOperation } from './dispatch-operation.js';
import type { CallRecord, EmulatorState } from './emulator-state.js';
import { takeFault, writeFaultAnswer } from './faults.js';
import { BodyTooLargeError, parseFormBody, parseTarget, readBody } from './read-request.js';
import {
  failure,
  formatGatewayError,
  formatServiceError,
  newRequestId,
  sendJson,
  type ApiFailure,
} from './responses.js';
import { admitCall, type TrafficSettings } from './traffic-control.js';
import { verifySignature } from './verify-signature.js';

// One RPC call through the emulated gateway and service, in the service's order: scripted fault,
// API lookup (by action and version), authentication, flow control, the action. Every answer is recorded.

export const API_VERSION = '2020-05-18';
export const API_VERSIONS: readonly string[] = ['2020-05-18', '2024-05-18'];

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
  const record: CallRecord = { action: '', method: req.method ?? 'GET', parameters: {}, query: {}, body: {}, status: null, requestId, time: '' };
  const answer = (status: number, body: unknown, code?: string) => {
    sendJson(res, status, body, requestId);
    record.answer = body;
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
  record.query = Object.fromEntries(target.query);
  record.body = parseFormBody(body, req.headers['content-type']);
  // The body wins over the query when both carry a parameter, as form fields are the later source.
  const params = { ...record.query, ...record.body };
  record.parameters = params;
  record.action = headerOf(req, 'x-acs-action') ?? params.Action ?? '';
  record.version = headerOf(req, 'x-acs-version') ?? params.Version ?? '';
  if (ctx.latencyMs > 0 && !(await ctx.sleep(ctx.latencyMs))) return;

  const fault = takeFault(ctx.state, record.action);
  let checkFailure: string | null = null;
  let stageFailure: { code: string; message: string } | null = null;
  let extraField: { path: string; value: unknown } | null = null;
  if (fault?.kind === 'hang') {
    if (!(await ctx.sleep(fault.ms))) return;
  } else if (fault?.kind === 'check-failure') {
    checkFailure = fault.message ?? 'The file failed the pre-publish check.';
  } else if (fault?.kind === 'stage-failure') {
    stageFailure = { code: fault.stage ?? 'PROD_CHECK', message: fault.message ?? 'The production check failed.' };
  } else if (fault?.kind === 'undocumented-field') {
    extraField = { path: fault.path, value: fault.value ?? 'injected' };
  } else if (fault) {
    const written = writeFaultAnswer(res, fault, { requestId, hostId }, record.action);
    return finish(record, ctx, written.status, written.code);
  }

  const gate = checkGateway(req, target, body, record.action, record.version, params, ctx);
  if ('code' in gate) return answer(gate.status, formatGatewayError(requestId, hostId, gate), gate.code);
  const action = gate.operation;

  const outcome = dispatchOperation(action, params, {
    state: ctx.state,
    now: ctx.now(),
    projectMode: ctx.projectMode,
    deploymentPolls: ctx.deploymentPolls,
    checkFailure,
    stageFailure,
  });
  if (!outcome.ok) return answer(outcome.status, formatServiceError(requestId, hostId, outcome, operations[action]), outcome.code);
  // Every answer goes through the operation's response schema: a field the model lacks is a bug here.
  const success: Record<string, unknown> = { RequestId: requestId, ...outcome.body };
  const problems = checkAnswer(operations[action].response, success);
  if (problems.length > 0) {
    const f = failure(500, 'InternalError', `the emulator built a ${action} answer its model does not allow: ${problems.map(describeProblem).join('; ')}`);
    return answer(f.status, formatGatewayError(requestId, hostId, f), f.code);
  }
  // A scripted fault: an undocumented field, for checking that doctor notices one.
  if (extraField) setPath(success, extraField.path, extraField.value);
  return answer(200, success);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]!] = value;
}

function checkGateway(
  req: IncomingMessage,
  target: ReturnType<typeof parseTarget>,
  body: Buffer,
  action: string,
  version: string,
  params: Record<string, string>,
  ctx: ApiCallContext,
): ApiFailure | { operation: OperationName } {
  if (!API_VERSIONS.includes(version)) return failure(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
  const operation = findOperation(action, version);
  if (!operation) return operationNotFound();
  const auth = verifySignature(
    { method: req.method ?? 'GET', path: target.path, query: target.query, headers: req.headers, body },
    { credentials: ctx.credentials, nonces: ctx.state.nonces, now: ctx.now() },
  );
  if ('code' in auth) return auth;
  return admitCall(ctx.state, ctx.traffic, ctx.now()) ?? { operation };
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
