import { formatPath, type PathSegment } from '../text/format-path.js';
import { isJsonObject, type JsonValue } from '../text/json.js';
import { parseContentTaskParam, splitContent } from './service-managed-content.js';

export type ContentWarning = { path: PathSegment[]; message: string; at?: 'key' | 'value' };

// Keys an author (or a generator) wrote in taskContent that belong to the service: which keys those
// are is decided in service-managed-content.ts alone. dwsync sends them as written, but import leaves
// them out and plans do not compare them, so the author should know they do not round-trip.
// An extend.resourceGroup (or cu) that disagrees with taskParam names two groups for one task. Pure.
export function findManagedContentWarnings(content: unknown, taskParam: unknown): ContentWarning[] {
  if (!isJsonObject(content)) return [];
  const warnings: ContentWarning[] = [];
  for (const key of Object.keys(splitContent(content as JsonValue).managed)) {
    const path = ['taskContent', key];
    warnings.push({
      path,
      at: 'key',
      message: `${formatPath(path)} is kept by DataWorks, not by the task file: dwsync sends it as written, but plans do not compare it and import leaves it out`,
    });
  }
  if (!isJsonObject(taskParam)) return warnings;
  const written = parseContentTaskParam(content as JsonValue);
  const disagreements = [
    { key: 'resourceGroup', value: written.resourceGroup, param: 'ResourceGroup', expected: taskParam.ResourceGroup },
    { key: 'cu', value: written.cu, param: 'Cu', expected: taskParam.Cu },
  ];
  for (const { key, value, param, expected } of disagreements) {
    if (value === null || expected === undefined || value === expected) continue;
    const path = ['taskContent', 'extend', key];
    warnings.push({
      path,
      message: `${formatPath(path)} is ${JSON.stringify(value)} but taskParam.${param} is ${JSON.stringify(expected)}: dwsync sends taskParam.${param} as the task's setting; remove ${formatPath(path)} or make the two agree`,
    });
  }
  return warnings;
}
