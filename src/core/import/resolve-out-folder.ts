import path from 'node:path';

import { UserInputError } from '../../errors.js';

// --out, relative to the root with forward slashes. It must lie inside the jobs folder: files anywhere
// else would never be planned. Pure: the path is computed, nothing is read.
export function resolveOutFolder(out: string, where: { root: string; jobs: string }): string {
  const jobsAbs = path.resolve(where.root, where.jobs);
  const outAbs = path.resolve(where.root, out);
  const inside = path.relative(jobsAbs, outAbs);
  if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    throw new UserInputError(`--out ${out} is outside the jobs folder ${where.jobs}: expected a folder inside it, e.g. ${where.jobs}/imported`);
  }
  return path.relative(where.root, outAbs).split(path.sep).join('/');
}
