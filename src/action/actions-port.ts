import * as core from '@actions/core';
import type { ActionsPort, Logger } from '../ports.js';

// The runner commands behind the ActionsPort (ports.ts): workflow commands and the runner's files.
export function createActionsPort(env: Record<string, string | undefined>): ActionsPort {
  return {
    info: (message) => core.info(message),
    warning: (message, properties) => core.warning(message, properties),
    error: (message, properties) => core.error(message, properties),
    setOutput: (name, value) => core.setOutput(name, String(value)),
    setSecret: (secret) => core.setSecret(secret),
    setFailed: (message) => core.setFailed(message),
    saveState: (name, value) => core.saveState(name, value),
    async appendSummary(markdown) {
      // Outside a runner (a local try-out) there is no summary file; the log still has everything.
      if (!env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
      core.summary.emptyBuffer();
    },
  };
}

export function createActionsLogger(port: ActionsPort): Logger {
  return {
    info: (message) => port.info(message),
    warn: (message) => port.warning(message),
    debug: (message) => core.debug(message),
  };
}
