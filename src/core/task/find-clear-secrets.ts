import type { PathSegment } from '../text/format-path.js';
import type { JsonValue } from '../text/json.js';
import { isJsonObject } from '../text/json.js';
import { isSecretKey } from './secret-keys.js';

export type ClearSecret = { path: PathSegment[]; message: string };

// Stars, after at most a short prefix that names the kind of key ("sk-" for an API key).
const MASK = /^[A-Za-z]{0,4}[-_]?\*{3,}$/;

// Values written in a task file under a secret-looking key (a reader's `password:`). dwsync masks them
// in plans and keeps only a keyed hash in the state, but DataWorks keeps the task's code as sent, so
// the value ends up stored there in clear. A scheduling parameter (${...}) is not a value, nor is a
// mask such as DataWorks' documentation writes in its examples ("******", "sk-****"). Pure.
// Every value of every task is visited and almost none is a secret: the walk shares one path, pushed
// and popped, and copies it only for a finding, instead of a new path array per value.
export function findClearSecrets(value: JsonValue, path: PathSegment[]): ClearSecret[] {
  const found: ClearSecret[] = [];
  walk(value, [...path], found);
  return found;
}

function walk(value: JsonValue, path: PathSegment[], found: ClearSecret[]): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      walk(value[index]!, path, found);
      path.pop();
    }
    return;
  }
  if (!isJsonObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    path.push(key);
    if (isSecretKey(key) && typeof item === 'string' && item !== '' && !/^\$[{[].*[}\]]$/.test(item) && !MASK.test(item)) {
      found.push({
        path: [...path],
        message: `${key} is written in the task file: DataWorks stores it in clear in the task's code; keep credentials in a DataWorks data source and name it with "datasource"`,
      });
    } else walk(item, path, found);
    path.pop();
  }
}
