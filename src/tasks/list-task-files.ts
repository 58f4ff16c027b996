import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../core/problem.js';
import { compareText } from '../core/text/compare-text.js';

export type ListedTaskFiles = { files: string[]; problems: Problem[] };

const TASK_FILE = /\.ya?ml$/i;

// Every *.yaml / *.yml below the jobs folder, as root-relative paths with forward slashes.
// Symbolic links are followed, but a link back into its own ancestry is reported, not walked:
// following it would never end.
export async function listTaskFiles(root: string, jobs: string): Promise<ListedTaskFiles> {
  const files: string[] = [];
  const problems: Problem[] = [];
  const relative = (abs: string) => path.relative(root, abs).split(path.sep).join('/') || '.';
  const problem = (abs: string, message: string) => problems.push({ file: relative(abs), line: 1, column: 1, path: '', message });

  const top = path.resolve(root, jobs);
  let topReal: string;
  try {
    if (!(await stat(top)).isDirectory()) {
      problem(top, `the jobs folder ${relative(top)} is not a folder: expected a folder of task files`);
      return { files, problems };
    }
    topReal = await realpath(top);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') problem(top, `the jobs folder ${relative(top)} does not exist: expected a folder of task files (set "jobs" in dwsync.yaml)`);
    else problem(top, `cannot read the jobs folder ${relative(top)}: ${code ?? String(error)}`);
    return { files, problems };
  }

  const visited = new Set<string>([topReal]);
  const queue: { abs: string; real: string }[] = [{ abs: top, real: topReal }];
  // Bounded: each real folder is entered once, so the walk ends even with links everywhere.
  while (queue.length > 0) {
    const dir = queue.shift()!;
    let entries;
    try {
      entries = await readdir(dir.abs, { withFileTypes: true });
    } catch (error) {
      problem(dir.abs, `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      continue;
    }
    for (const entry of entries) {
      const abs = path.join(dir.abs, entry.name);
      if (entry.isDirectory()) {
        const real = path.join(dir.real, entry.name);
        if (!visited.has(real)) {
          visited.add(real);
          queue.push({ abs, real });
        }
      } else if (entry.isFile()) {
        if (TASK_FILE.test(entry.name)) files.push(relative(abs));
      } else if (entry.isSymbolicLink()) {
        await followLink(abs, dir.real, entry.name);
      }
    }
  }
  return { files: files.sort(compareText), problems };

  async function followLink(abs: string, parentReal: string, name: string): Promise<void> {
    let target;
    let real;
    try {
      target = await stat(abs);
      real = await realpath(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') problem(abs, 'symlink loop: this link resolves to itself through other links');
      else if (TASK_FILE.test(name)) problem(abs, `broken symlink: its target cannot be read (${code ?? String(error)})`);
      return;
    }
    if (target.isFile()) {
      if (TASK_FILE.test(name)) files.push(relative(abs));
      return;
    }
    if (!target.isDirectory()) return;
    const linkDir = path.join(parentReal, name);
    if (linkDir === real || linkDir.startsWith(real + path.sep)) {
      problem(abs, `symlink loop: this link points back to ${relative(real.startsWith(topReal) ? path.join(top, path.relative(topReal, real)) : real)}, a folder that contains it`);
    } else if (!visited.has(real)) {
      visited.add(real);
      queue.push({ abs, real });
    }
  }
}

