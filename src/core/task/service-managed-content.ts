import { isJsonObject, type JsonObject, type JsonValue } from '../text/json.js';

// The one place that says which top-level keys of a batch sync node's Content the service manages.
// They are not the author's task content: import leaves them out of task files and drift detection
// leaves them out of the comparison. See docs/service-managed-content.md for the evidence.
// - extend: the node's Data Integration settings as the console keeps them ({mode, resourceGroup, cu,
//   ...}); Alibaba's migration tool reads a DI node's resource group from extend.resourceGroup.
// - transform, gui, displayName, nodeDef: keys the console's wizard and real-time tasks add.
export const SERVICE_MANAGED_CONTENT_KEYS: readonly string[] = ['extend', 'transform', 'gui', 'displayName', 'nodeDef'];

export type SplitContent = { author: JsonValue; managed: JsonObject };

// Content → the author's part and the service's part. Content that is not an object is all author's.
export function splitContent(content: JsonValue): SplitContent {
  if (!isJsonObject(content)) return { author: content, managed: {} };
  const author: JsonObject = {};
  const managed: JsonObject = {};
  for (const [key, value] of Object.entries(content)) {
    if (SERVICE_MANAGED_CONTENT_KEYS.includes(key)) managed[key] = value;
    else author[key] = value;
  }
  return { author, managed };
}

// What the service keeps of TaskParam inside Content: extend.resourceGroup and extend.cu.
export function parseContentTaskParam(content: JsonValue): { resourceGroup: string | null; cu: number | null } {
  const extend = isJsonObject(content) ? content['extend'] : undefined;
  if (!isJsonObject(extend)) return { resourceGroup: null, cu: null };
  const group = extend['resourceGroup'];
  const cu = extend['cu'];
  return {
    resourceGroup: typeof group === 'string' && group.trim() !== '' ? group : null,
    cu: typeof cu === 'number' && Number.isFinite(cu) && cu > 0 ? cu : null,
  };
}
