import type { EmulatorState } from '../emulator-state.js';
import type { ApiFailure } from '../responses.js';

// What every API action receives and returns. Handlers are synchronous: the server does the I/O.

export type ProjectMode = 'basic' | 'standard';

export type ActionContext = {
  state: EmulatorState;
  now: number; // ms since the epoch
  projectMode: ProjectMode;
  deploymentPolls: number;
};

export type ActionOutcome = { ok: true; data: unknown } | ({ ok: false } & ApiFailure);

export type ActionHandler = (params: Record<string, string>, ctx: ActionContext) => ActionOutcome;

export function succeed(data: unknown): ActionOutcome {
  return { ok: true, data };
}

export function fail(status: number, code: string, message: string): ActionOutcome & { ok: false } {
  return { ok: false, status, code, message };
}
