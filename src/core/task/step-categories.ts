// The step categories DataWorks documents for a batch sync job's `steps`, each with where it is shown:
// - reader, writer: every reader and writer page of Data Integration's documentation gives its code-editor
//   script with one `"category": "reader"` and one `"category": "writer"` step (e.g. "MySQL Reader").
// - map, flatmap: transformer steps between reader and writer, on the page "Embedding" (Vectorizing data
//   in offline synchronization tasks, help/en/dataworks/user-guide/data-integration-supports-embedded-
//   vectorization): its code-editor format gives `"category": "map/flatmap"`, and its scripts use
//   flatmap for `embedding-transformer` and `json-extracting` steps, one named only by `displayName`.
// - processor: the step the codeless UI writes into the script of a task built there (reported for
//   the code editor page; no published script with one has been seen yet).
export const STEP_CATEGORIES = ['reader', 'writer', 'map', 'flatmap', 'processor'] as const;
export type StepCategory = (typeof STEP_CATEGORIES)[number];

// How a step is named: by `name`, else by `displayName` (the embedding page's transformer step carries
// only that). That page's hops go from Reader to Writer and leave the transformer out: steps run in
// array order, so a hop need not name every step, but a hop that names one must name an existing one.
export function stepId(step: { name?: unknown; displayName?: unknown }): string | null {
  if (typeof step.name === 'string' && step.name !== '') return step.name;
  if (typeof step.displayName === 'string' && step.displayName !== '') return step.displayName;
  return null;
}
