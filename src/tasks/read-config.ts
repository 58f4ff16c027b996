import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../core/problem.js';
import { defaultConfig, type Config } from '../core/config/config-schema.js';
import { parseConfig } from '../core/config/parse-config.js';

export type { Config } from '../core/config/config-schema.js';

export const CONFIG_FILE = 'dwsync.yaml';

// Reads dwsync.yaml at the repository root; without one, the defaults apply.
export async function readConfig(root: string): Promise<{ config: Config; problems: Problem[] }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(root, CONFIG_FILE));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { config: defaultConfig, problems: [] };
    return { config: defaultConfig, problems: [problemAt(`cannot read ${CONFIG_FILE}: ${code ?? String(error)}`)] };
  }
  if (bytes.length > 64 * 1024) return { config: defaultConfig, problems: [problemAt(`${CONFIG_FILE} is too large: expected at most 64 KiB, found ${bytes.length} bytes`)] };
  if (bytes.includes(0)) return { config: defaultConfig, problems: [problemAt(`binary file: expected YAML text in ${CONFIG_FILE}, found a NUL byte`)] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { config: defaultConfig, problems: [problemAt(`invalid UTF-8: expected UTF-8 text in ${CONFIG_FILE}`)] };
  }
  return parseConfig(text, CONFIG_FILE);
}

function problemAt(message: string): Problem {
  return { file: CONFIG_FILE, line: 1, column: 1, path: '', message };
}
