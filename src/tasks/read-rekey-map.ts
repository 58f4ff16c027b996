import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseRekeyMap } from '../core/rekey/parse-rekey-map.js';
import { UserInputError } from '../errors.js';

// Reads `dwsync rekey --map FILE` (relative to the repository root): file id → node id. A file that
// cannot be read or holds anything but such pairs is a usage error.
export async function readRekeyMap(root: string, file: string): Promise<Map<number, string>> {
  let text: string;
  try {
    text = await readFile(path.resolve(root, file), 'utf8');
  } catch (error) {
    throw new UserInputError(`--map ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  const { pairs, problems } = parseRekeyMap(text, file);
  if (problems.length > 0) throw new UserInputError(problems.join('\n'));
  return pairs;
}
