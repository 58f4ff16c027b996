import { renderJson } from './render-json.js';

// `dwsync unlock --json`, on one line: whether a lock was removed, and whose.
export function renderUnlockJson(report: { formatVersion: 1; removed: boolean; holder: unknown }): string {
  return renderJson(report, 0);
}
