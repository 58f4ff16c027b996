import path from 'node:path';
import type { Problem } from '../core/problem.js';
import type { AnnotationPlace } from '../ports.js';
import { plural } from './markdown-text.js';

// Located problems as workflow annotations, so each shows on its task file's line in the pull
// request's "Files changed" view. Problem paths are relative to the working directory; annotations
// want them relative to the repository root.
// GitHub shows at most 10 error annotations per step and drops the rest without a word; the step's
// own failure message is one of them. So at most 8 problems are annotated, then one annotation says
// how many more there are and points at the job summary, which lists them all. A warning (a resource
// group DataWorks does not list) is a warning annotation, outside that budget.

export const ERROR_ANNOTATIONS_PER_STEP = 10;
const PROBLEM_ANNOTATIONS = ERROR_ANNOTATIONS_PER_STEP - 1; // one is the step's failure

export type Annotation = { message: string; properties: AnnotationPlace };

export function renderProblemAnnotations(all: readonly Problem[], directory: string): { warnings: Annotation[]; errors: Annotation[] } {
  const warnings = toAnnotations(all.filter((p) => p.severity === 'warning'), directory);
  const annotations = toAnnotations(all.filter((p) => p.severity !== 'warning'), directory);
  const errors = annotations.length <= PROBLEM_ANNOTATIONS ? annotations : annotations.slice(0, PROBLEM_ANNOTATIONS - 1);
  const rest = annotations.length - errors.length;
  if (rest > 0) {
    errors.push({
      message: `${plural(rest, 'more problem is', 'more problems are')} not annotated (GitHub shows ${ERROR_ANNOTATIONS_PER_STEP} errors per step): the job summary lists all ${annotations.length}.`,
      properties: { title: 'dwsync: more problems in the job summary' },
    });
  }
  return { warnings, errors };
}

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
