import { z } from 'zod';

// The optional `schedule` block of a task file (docs/task-file.md, "The schedule"): the sync node's
// scheduling, reruns and dependencies. Every key is optional; a key left out is neither sent nor
// compared, and a task without `schedule` leaves the service's schedule as it is.
// Closed like the rest of the format: an unknown key is an error with the nearest valid spelling.

export const RERUN_MODES = ['all-allowed', 'failure-allowed', 'all-denied'] as const;
export type RerunMode = (typeof RERUN_MODES)[number];

// UpdateFile's AutoRerunIntervalMillis: "Maximum value: 1800000 (30 minutes)" (SDK model).
export const MAX_RERUN_INTERVAL_SECONDS = 1800;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
function isCalendarDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().startsWith(text);
}

const dateText = (what: string) =>
  z
    .string({ error: 'a date "YYYY-MM-DD"' })
    .regex(DATE, { error: 'a date "YYYY-MM-DD"' })
    .refine(isCalendarDate, { error: 'a date that exists in the calendar' })
    .optional()
    .meta({ description: what });

export const Rerun = z
  .strictObject(
    {
      mode: z
        .enum(RERUN_MODES, { error: '"all-allowed", "failure-allowed" or "all-denied"' })
        .optional()
        .meta({ description: 'When the node may be rerun (RerunMode)', examples: [...RERUN_MODES] }),
      times: z
        .number({ error: 'a whole number from 0' })
        .int({ error: 'a whole number from 0' })
        .min(0, { error: 'a whole number from 0' })
        .optional()
        .meta({ description: 'Automatic reruns after an error (AutoRerunTimes)' }),
      intervalSeconds: z
        .number({ error: `a whole number of seconds from 1 to ${MAX_RERUN_INTERVAL_SECONDS}` })
        .int({ error: `a whole number of seconds from 1 to ${MAX_RERUN_INTERVAL_SECONDS}` })
        .min(1, { error: `a whole number of seconds from 1 to ${MAX_RERUN_INTERVAL_SECONDS}` })
        .max(MAX_RERUN_INTERVAL_SECONDS, { error: `a whole number of seconds from 1 to ${MAX_RERUN_INTERVAL_SECONDS}` })
        .optional()
        .meta({ description: 'Seconds between automatic reruns, at most 1800 (AutoRerunIntervalMillis / 1000)' }),
    },
    { error: 'a mapping (mode, times, intervalSeconds)' },
  )
  .meta({ description: 'Reruns' });
export type Rerun = z.infer<typeof Rerun>;

export const Schedule = z
  .strictObject(
    {
      cron: z
        .string({ error: 'a cron expression of six fields, e.g. "00 00 01 * * ?"' })
        .optional()
        .meta({ description: "DataWorks' six-field cron: second minute hour day month week (CronExpress)", examples: ['00 00 01 * * ?'] }),
      rerun: Rerun.optional(),
      parameters: z
        .string({ error: 'a string such as "bizdate=$yyyymmdd"' })
        .optional()
        .meta({ description: 'Scheduling parameters, space-separated name=value (ParaValue)' }),
      dependsOn: z
        .array(z.string({ error: 'a node output name' }).min(1, { error: 'a node output name' }), { error: 'a list of node output names' })
        .optional()
        .meta({ description: 'Upstream node outputs this node depends on (InputList)', examples: [['proj_root']] }),
      resourceGroup: z
        .string({ error: 'a resource group identifier' })
        .min(1, { error: 'a resource group identifier' })
        .optional()
        .meta({ description: 'The scheduling resource group (ResourceGroupIdentifier); 2020-05-18 workspaces only' }),
      paused: z.boolean({ error: 'true or false' }).optional().meta({ description: 'Scheduling suspended (Stop)' }),
      skipped: z.boolean({ error: 'true or false' }).optional().meta({ description: 'A dry-run node (SchedulerType SKIP)' }),
      timeoutHours: z
        .number({ error: 'a whole number of hours from 1' })
        .int({ error: 'a whole number of hours from 1' })
        .min(1, { error: 'a whole number of hours from 1' })
        .optional()
        .meta({ description: 'Timeout in hours (Timeout)' }),
      startDate: dateText('First day scheduling is in effect, UTC (StartEffectDate)'),
      endDate: dateText('Last day scheduling is in effect, UTC (EndEffectDate)'),
    },
    { error: 'a mapping (cron, rerun, parameters, dependsOn, resourceGroup, paused, skipped, timeoutHours, startDate, endDate)' },
  )
  .meta({ description: 'The sync node\'s schedule, reruns and dependencies; keys left out are left as they are in DataWorks' });
export type Schedule = z.infer<typeof Schedule>;

export const SCHEDULE_KEYS = Object.keys(Schedule.shape);
export const RERUN_KEYS = Object.keys(Rerun.shape);
