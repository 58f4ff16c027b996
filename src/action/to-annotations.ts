import path from 'node:path';
import type { Problem } from '../core/problem.js';

// Validation problems as workflow annotations, so each shows on its task file's line in the
// pull request's "Files changed" view. Problem paths are relative to the working directory;
// annotations want them relative to the repository root.

export type Annotation = {
  message: string;
  properties: { title: string; file: string; startLine: number; startColumn: number };
};

export function toAnnotations(problems: readonly Problem[], directory: string): Annotation[] {
  const prefix = directory === '.' || directory === '' ? '' : directory.replace(/\\/g, '/');
  return problems.map((p) => ({
    message: p.message,
    properties: {
      title: p.path === '' ? 'dwsync: invalid task file' : `dwsync: ${p.path}`,
      file: prefix === '' ? p.file : path.posix.join(prefix, p.file),
      startLine: p.line,
      startColumn: p.column,
    },
  }));
}
