import { z } from 'zod';
import { RERUN_KEYS, SCHEDULE_KEYS, Schedule } from '../schedule/schedule-schema.js';
import { STEP_CATEGORIES } from './step-categories.js';

// The task file format (docs/task-file.md). This schema is the single source of the
// TypeScript type and of the editor JSON Schema. Each `error` text is the expectation that
// validate-schema.ts turns into "<path> must be <expectation>, got <value>".
// Objects inside taskContent and taskParam are loose: DataWorks accepts far more keys than we
// know, and they are sent exactly as written.

const positiveInteger = (what = 'a positive integer') =>
  z.number({ error: what }).int({ error: what }).positive({ error: what });

const nonEmptyString = (what = 'a non-empty string') => z.string({ error: what }).min(1, { error: what });

// "a", "b" or "c": the expectation for a closed set of words.
const describeChoices = (words: readonly string[]) =>
  `${words.slice(0, -1).map((w) => JSON.stringify(w)).join(', ')} or ${JSON.stringify(words.at(-1))}`;

const mapping = <T extends z.core.$ZodLooseShape>(shape: T, what = 'a mapping') => z.looseObject(shape, { error: what });

export const Step = mapping(
  {
    stepType: nonEmptyString().meta({ description: 'Plugin: mysql, postgresql, oss, odps, embedding-transformer, ...' }),
    category: z.enum(STEP_CATEGORIES, { error: describeChoices(STEP_CATEGORIES) }).meta({
      description: 'reader or writer; map, flatmap or processor for a step between them',
      examples: [...STEP_CATEGORIES],
    }),
    // A step is named by name, or by displayName when it has none (transformer steps);
    // validateTaskContent requires one of the two, so hops can refer to the step.
    name: nonEmptyString().optional().meta({ description: 'Step name, unique in the job; hops refer to it' }),
    displayName: nonEmptyString().optional().meta({ description: 'Shown name; names the step for hops when it has no name' }),
    parameter: mapping({}).meta({ description: 'Plugin parameters (datasource, table, column, ...)' }),
  },
  'a mapping (stepType, category, name, parameter)',
);
export type Step = z.infer<typeof Step>;

export const Hop = mapping({ from: nonEmptyString('a step name'), to: nonEmptyString('a step name') });
export type Hop = z.infer<typeof Hop>;

export const TaskContent = mapping(
  {
    type: z.literal('job', { error: '"job"' }),
    version: z.literal('2.0', {
      // YAML reads an unquoted 2.0 as the number 2: say how to fix it, not only that it is wrong.
      error: (issue) =>
        typeof issue.input === 'number' ? 'the string "2.0" (quote it: version: "2.0")' : 'the string "2.0"',
    }),
    steps: z.array(Step, { error: 'a list of steps' }),
    setting: mapping({
      errorLimit: mapping({}).optional(),
      speed: mapping({
        concurrent: positiveInteger().optional().meta({ description: 'Parallel threads' }),
      }).optional(),
    }).optional(),
    order: mapping({ hops: z.array(Hop, { error: 'a list of hops' }) }).optional(),
  },
  'a mapping (type, version, steps, setting, order)',
).meta({ description: 'The code-editor job JSON, sent as TaskContent' });
export type TaskContent = z.infer<typeof TaskContent>;

// Closed: DataWorks takes these two keys here, so anything else is a typo worth stopping for.
export const TaskParam = z.strictObject({
  ResourceGroup: nonEmptyString().meta({ description: 'Resource group identifier, e.g. S_res_group_XXX_XXXX' }),
  Cu: z
    .number({ error: 'a positive multiple of 0.5' })
    .positive({ error: 'a positive multiple of 0.5' })
    .multipleOf(0.5, { error: 'a positive multiple of 0.5' })
    .optional()
    .meta({ description: 'Compute units for the serverless resource group' }),
}, { error: 'a mapping (ResourceGroup, Cu)' }).meta({ description: 'Sent as the TaskParam JSON string' });
export type TaskParam = z.infer<typeof TaskParam>;

const taskFileShape = {
  projectId: positiveInteger().meta({ description: 'DataWorks workspace id' }),
  // A task gives fileId (an existing task), or name and folder (a task dwsync finds or creates);
  // validateTaskIdentity checks that exactly one form is given.
  fileId: positiveInteger().optional().meta({ description: 'The sync task file id (or give name and folder instead)' }),
  // On a workspace of the new Data Studio (2024-05-18), an existing task is a node, named by its id: a
  // string, as node ids run to 19 digits, past what a YAML or JSON number holds exactly.
  nodeId: z
    .string({ error: 'a node id in quotes, e.g. nodeId: "7000123456789012345"' })
    .regex(/^[1-9]\d*$/, { error: 'a node id in quotes, e.g. nodeId: "7000123456789012345"' })
    .optional()
    .meta({ description: 'The Data Studio node id (2024-05-18 workspaces), as a string; or give name and folder instead' }),
  name: z
    .string({ error: 'a file name without "/"' })
    .regex(/^[^/]+$/, { error: 'a file name without "/"' })
    .optional()
    .meta({ description: 'The DataWorks file name of a task dwsync finds or creates (with folder, instead of fileId)' }),
  folder: z
    .string({ error: 'a folder path such as "Business Flow/ods/Data Integration"' })
    .regex(/^[^/]+(\/[^/]+)*$/, { error: 'a folder path such as "Business Flow/ods/Data Integration", without leading, trailing or double "/"' })
    .optional()
    .meta({ description: 'Its DataWorks folder path, e.g. Business Flow/ods/Data Integration' }),
  taskType: z.literal('DI_OFFLINE', { error: '"DI_OFFLINE"' }).optional(),
  description: z.string({ error: 'a string' }).optional().meta({ description: 'Free text, never sent' }),
  deploy: z.boolean({ error: 'true or false' }).optional().meta({ description: 'Submit and deploy after update' }),
  taskParam: TaskParam,
  taskContent: z.union([TaskContent, z.string().meta({ description: 'The job JSON as the code editor shows it' })], {
    error: 'a mapping or a string holding the job JSON',
  }),
  schedule: Schedule.optional(),
};

// One YAML document of a task file, as written. Unknown top-level keys are an error: a typo
// such as `fileID` must not pass silently.
export const WrittenTaskDocument = z.strictObject(taskFileShape);
export type WrittenTaskDocument = z.infer<typeof WrittenTaskDocument>;

// What a document is checked against once a string taskContent has been parsed as JSON.
export const TaskDocument = z.strictObject({ ...taskFileShape, taskContent: TaskContent });

export const TASK_FILE_KEYS = Object.keys(taskFileShape);

// The closed mappings, by path, for "did you mean" on an unknown key.
export const CLOSED_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': TASK_FILE_KEYS,
  taskParam: Object.keys(TaskParam.shape),
  schedule: SCHEDULE_KEYS,
  'schedule.rerun': RERUN_KEYS,
};
