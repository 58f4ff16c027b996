import { parse } from 'yaml';
import { isJsonObject } from '../text/json.js';

// The text of a --map file (YAML or JSON, JSON being YAML): a mapping from legacy file ids to the node
// ids they became, e.g. `42: "7000000000000000001"`. Node ids are up to 19 digits, past a JavaScript
// number's exact range, so integers are read as bigints: an unquoted node id is kept exactly. Pure.
export type RekeyMap = { pairs: Map<number, string>; problems: string[] };

export function parseRekeyMap(text: string, file: string): RekeyMap {
  const pairs = new Map<number, string>();
  const problems: string[] = [];
  let value: unknown;
  try {
    value = parse(text, { intAsBigInt: true });
  } catch (error) {
    return { pairs, problems: [`${file}: not YAML or JSON: ${(error as Error).message.split('\n')[0]}`] };
  }
  if (!isJsonObject(value)) return { pairs, problems: [`${file}: expected a mapping of file ids to node ids, e.g. 42: "7000000000000000001"`] };
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const nodeId = typeof raw === 'bigint' ? raw.toString() : raw;
    if (!/^[1-9]\d*$/.test(key) || !Number.isSafeInteger(Number(key))) problems.push(`${file}: ${JSON.stringify(key)} is not a file id`);
    else if (typeof nodeId !== 'string' || !/^[1-9]\d{0,18}$/.test(nodeId)) problems.push(`${file}: file ${key} maps to ${JSON.stringify(String(nodeId))}, which is not a node id (digits, up to 19)`);
    else pairs.set(Number(key), nodeId);
  }
  return { pairs, problems };
}
