import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { unlinkIfPresent } from './lock-file.js';

// Removes what killed runs leave beside a file: every file in its folder whose name starts with
// `<its name><suffix>` for one of the suffixes (".tmp-", ".lock.takeover-"...). Only for a caller
// holding the lock, so that no live run owns one. A missing folder has nothing to remove.
export async function removeLeftovers(beside: string, suffixes: readonly string[]): Promise<void> {
  const prefixes = suffixes.map((suffix) => `${basename(beside)}${suffix}`);
  const names = await readdir(dirname(beside)).catch(() => [] as string[]);
  for (const name of names) if (prefixes.some((prefix) => name.startsWith(prefix))) await unlinkIfPresent(join(dirname(beside), name));
}
