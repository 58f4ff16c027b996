import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../core/problem.js';
import { defaultConfig, type Config } from '../core/config/config-schema.js';
import { parseConfig } from '../core/config/parse-config.js';
import { decodeText } from '../core/text/decode-text.js';

export type { Config } from '../core/config/config-schema.js';

export const CONFIG_FILE = 'dwsync.yaml';
const MAX_CONFIG_BYTES = 64 * 1024;

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
  const decoded = decodeText(bytes, { maxBytes: MAX_CONFIG_BYTES });
  if ('problem' in decoded) return { config: defaultConfig, problems: [problemAt(decoded.problem, decoded.line, decoded.column)] };
  return parseConfig(decoded.text, CONFIG_FILE);
}

function problemAt(message: string, line = 1, column = 1): Problem {
  return { file: CONFIG_FILE, line, column, path: '', message };
}
