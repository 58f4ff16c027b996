import type { ActionsPort } from '../../src/ports.js';

// An ActionsPort that keeps what the step sent to the runner.
export type RecordedActions = ActionsPort & {
  lines: string[];
  outputs: Record<string, string>;
  summary: string;
  failed: string | null;
  saved: Record<string, string>;
};

export function recordActions(): RecordedActions {
  const recorded: RecordedActions = {
    lines: [],
    outputs: {},
    summary: '',
    failed: null,
    saved: {},
    saveState: (name, value) => {
      recorded.saved[name] = value;
    },
    info: (m) => recorded.lines.push(`info: ${m}`),
    warning: (m, p) => recorded.lines.push(`warning: ${m}${p ? ` ${JSON.stringify(p)}` : ''}`),
    error: (m, p) => recorded.lines.push(`error: ${m}${p ? ` ${JSON.stringify(p)}` : ''}`),
    setOutput: (name, value) => {
      recorded.outputs[name] = String(value);
    },
    setSecret: () => undefined,
    setFailed: (m) => {
      recorded.failed = m;
    },
    appendSummary: async (md) => {
      recorded.summary += md;
    },
  };
  return recorded;
}
