// The step categories DataWorks documents for a batch sync job's `steps`, each with where it is shown:
// - reader, writer: every reader and writer page of Data Integration's documentation gives its code-editor
//   script with one `"category": "reader"` and one `"category": "writer"` step (e.g. "MySQL Reader",
//   "Configure a batch synchronization task in the code editor").
// - map, flatmap: transformer steps between reader and writer, on the page "Vectorizing data in offline
//   synchronization tasks" (help.aliyun.com/.../data-integration-supports-embedded-vectorization):
//   `stepType` embedding-transformer or json-extracting, named by `displayName`.
// - processor: the step the codeless UI adds to the script; the code editor page says its Processor
//   configuration can be left as it is.
export const STEP_CATEGORIES = ['reader', 'writer', 'map', 'flatmap', 'processor'] as const;
export type StepCategory = (typeof STEP_CATEGORIES)[number];

// How a step is named for hops: by `name`, else by `displayName` (transformer steps carry only that).
export function stepId(step: { name?: unknown; displayName?: unknown }): string | null {
  if (typeof step.name === 'string' && step.name !== '') return step.name;
  if (typeof step.displayName === 'string' && step.displayName !== '') return step.displayName;
  return null;
}
