import type { Problem } from '../core/problem.js';
import type { ActionsPort } from '../ports.js';
import { renderProblemAnnotations } from '../views/render-problems-annotations.js';

// Invalid task files: one annotation per problem on its line (as many as GitHub shows), warnings as
// warnings; the job summary lists them all.
export function annotateProblems(io: ActionsPort, all: readonly Problem[], directory: string): void {
  const { warnings, errors } = renderProblemAnnotations(all, directory);
  for (const warning of warnings) io.warning(warning.message, warning.properties);
  for (const error of errors) io.error(error.message, error.properties);
}
