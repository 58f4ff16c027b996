import type { Fault } from '../../src/emulator/start-emulator.js';
import { defaultRetryPolicy } from '../../src/dataworks/call-with-retry.js';

// The fault matrix: one row per fault, with what apply must do about it. The test
// asserts every row against a real apply over HTTP, and docs/fault-matrix.md is rendered from these
// rows, so the document says exactly what the test checks.

export type Injection =
  | { kind: 'emulator'; fault: Fault; times: number } // the first `times` UpdateDISyncTask calls get the fault
  | { kind: 'refused' }; // the endpoint is a closed port on 127.0.0.1

export type FaultCase = {
  name: string;
  injection: Injection;
  http: string; // what the wire carried: a status, or "—" when no answer came
  code: string; // the code the fault carries (for a failed outcome, the code recorded in the state)
  retried: boolean;
  outcome: 'applied' | 'failed';
  attempts: number; // of the task the fault hit
  requestId: boolean; // a request id is recorded for that task
  status?: number; // the HTTP status recorded with the error
  quota?: boolean; // the rest of the run is skipped with `code` as the reason
  readTimeoutMs?: number; // a client with this read timeout (default 10 s)
};

const ALL = defaultRetryPolicy.maxAttempts;
const twice = 2;

function http(status: number, code: string, times: number): Injection {
  return { kind: 'emulator', fault: { kind: 'http', status, code }, times };
}
function emulated(fault: Fault, times: number): Injection {
  return { kind: 'emulator', fault, times };
}

// A retryable fault twice (then the call works), and for ever (every attempt fails).
function retryable(name: string, injection: (times: number) => Injection, row: { http: string; code: string; status?: number; requestId: boolean; readTimeoutMs?: number }): FaultCase[] {
  const { status, readTimeoutMs, ...common } = row;
  const extra = readTimeoutMs === undefined ? {} : { readTimeoutMs };
  return [
    { name: `${name}, twice`, injection: injection(twice), ...common, ...extra, requestId: true, retried: true, outcome: 'applied', attempts: twice + 1 },
    {
      name: `${name}, every attempt`,
      injection: injection(ALL),
      ...common,
      ...extra,
      ...(status === undefined ? {} : { status }),
      retried: true,
      outcome: 'failed',
      attempts: ALL,
    },
  ];
}

export const FAULT_CASES: FaultCase[] = [
  ...retryable('HTTP 500', (n) => http(500, 'InternalError', n), { http: '500', code: 'InternalError', status: 500, requestId: true }),
  ...retryable('HTTP 502', (n) => http(502, 'BadGateway', n), { http: '502', code: 'BadGateway', status: 502, requestId: true }),
  ...retryable('HTTP 503', (n) => http(503, 'ServiceUnavailable', n), { http: '503', code: 'ServiceUnavailable', status: 503, requestId: true }),
  ...retryable('Throttling', (n) => http(400, 'Throttling', n), { http: '400', code: 'Throttling', status: 400, requestId: true }),
  ...retryable('Throttling.User', (n) => http(400, 'Throttling.User', n), { http: '400', code: 'Throttling.User', status: 400, requestId: true }),
  ...retryable('Throttling.Api (400)', (n) => http(400, 'Throttling.Api', n), { http: '400', code: 'Throttling.Api', status: 400, requestId: true }),
  ...retryable('Throttling.Api (429)', (n) => http(429, 'Throttling.Api', n), { http: '429', code: 'Throttling.Api', status: 429, requestId: true }),
  ...retryable('Throttling.Api.Risk', (n) => http(400, 'Throttling.Api.Risk', n), { http: '400', code: 'Throttling.Api.Risk', status: 400, requestId: true }),
  ...retryable('Throttling.System', (n) => http(400, 'Throttling.System', n), { http: '400', code: 'Throttling.System', status: 400, requestId: true }),
  ...retryable('InternalError.System', (n) => http(500, 'InternalError.System', n), { http: '500', code: 'InternalError.System', status: 500, requestId: true }),
  ...retryable('200 with Success: false and Throttling.System', (n) => emulated({ kind: 'success-false', code: 'Throttling.System' }, n), {
    http: '200',
    code: 'Throttling.System',
    status: 200,
    requestId: true,
  }),
  ...retryable('connection reset', (n) => emulated({ kind: 'reset' }, n), { http: '—', code: 'ECONNRESET', requestId: false }),
  ...retryable('read timeout (hang 2.5 s, timeout 0.5 s)', (n) => emulated({ kind: 'hang', ms: 2500 }, n), {
    http: '—',
    code: 'ReadTimeout',
    requestId: false,
    readTimeoutMs: 500,
  }),
  ...retryable('HTML error page (502)', (n) => emulated({ kind: 'html', status: 502 }, n), { http: '502', code: 'InvalidResponse', status: 502, requestId: false }),
  ...retryable('truncated JSON (200)', (n) => emulated({ kind: 'truncated' }, n), { http: '200', code: 'TruncatedResponse', status: 200, requestId: false }),
  { name: 'connection refused (closed port)', injection: { kind: 'refused' }, http: '—', code: 'ECONNREFUSED', retried: true, outcome: 'failed', attempts: ALL, requestId: false },
  { name: 'slow response (1.5 s, timeout 10 s)', injection: emulated({ kind: 'hang', ms: 1500 }, 1), http: '200', code: '—', retried: false, outcome: 'applied', attempts: 1, requestId: true },
  { name: 'HTTP 400 InvalidParameter', injection: http(400, 'InvalidParameter', 1), http: '400', code: 'InvalidParameter', status: 400, retried: false, outcome: 'failed', attempts: 1, requestId: true },
  { name: 'HTML error page (404)', injection: emulated({ kind: 'html', status: 404 }, 1), http: '404', code: 'InvalidResponse', status: 404, retried: false, outcome: 'failed', attempts: 1, requestId: false },
  {
    name: '200 with Success: false',
    injection: emulated({ kind: 'success-false', code: 'Invalid.DI.Parameter', message: 'ResourceGroup is invalid.' }, 1),
    http: '200',
    code: 'Invalid.DI.Parameter',
    status: 200,
    retried: false,
    outcome: 'failed',
    attempts: 1,
    requestId: true,
  },
  { name: '200 with Data.Status: fail', injection: emulated({ kind: 'status-fail' }, 1), http: '200', code: 'Invalid.DI.Parameter', status: 200, retried: false, outcome: 'failed', attempts: 1, requestId: true },
];

// The tasks each case applies, in key order; the fault hits the first.
export const TASK_COUNT = 3;

export function renderFaultMatrix(cases: FaultCase[]): string {
  const lines = [
    '# Fault matrix',
    '',
    '<!-- Generated by test/reliability/fault-matrix.test.ts from test/reliability/fault-matrix-cases.ts.',
    '     Do not edit: run `UPDATE_FAULT_MATRIX=1 npx vitest run test/reliability/fault-matrix.test.ts`. -->',
    '',
    `Each row is one \`dwsync apply\` of ${TASK_COUNT} tasks (concurrency 1) against the emulator, through the real`,
    'SDK over HTTP on 127.0.0.1, with the fault injected into the first task\'s `UpdateDISyncTask` calls. The test',
    `checks every column: the attempts made (at most ${ALL}), the backoff between them, the outcome in the report`,
    'and in the state file, and the error code, HTTP status and request id recorded there. "twice" means the',
    'first two calls fail and the third works; "every attempt" means the fault never clears.',
    '',
    '| fault | HTTP | code | retried? | outcome | recorded |',
    '|---|---|---|---|---|---|',
    ...cases.map((c) => `| ${c.name} | ${c.http} | ${c.code === '—' ? '—' : `\`${c.code}\``} | ${c.retried ? 'yes' : 'no'} | ${describeOutcome(c)} | ${describeRecord(c)} |`),
    '',
  ];
  return lines.join('\n');
}

function describeOutcome(c: FaultCase): string {
  const attempts = `${c.attempts} attempt${c.attempts === 1 ? '' : 's'}`;
  const rest = c.quota
    ? `; the other ${TASK_COUNT - 1} \`skipped\` (${c.code}), no further call`
    : c.injection.kind === 'refused'
      ? `; the other ${TASK_COUNT - 1} fail the same way`
      : `; the other ${TASK_COUNT - 1} applied`;
  return `${c.outcome} after ${attempts}${rest}`;
}

function describeRecord(c: FaultCase): string {
  if (c.outcome === 'applied') return 'applied config, request id of the call that worked';
  const parts = [`error code \`${c.code}\``];
  if (c.status !== undefined) parts.push(`HTTP ${c.status}`);
  parts.push(c.requestId ? 'request id' : c.http === '—' ? 'no request id (no answer came)' : 'no request id (the answer carried none)');
  return parts.join(', ');
}
