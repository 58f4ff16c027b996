import { UserInputError } from '../errors.js';

// One flag as the command line takes it. `parse` turns the raw text into the value the command reads
// (and may refuse it with a message); `previous` is the value so far, for repeatable flags.
export type FlagSpec = {
  flags: string; // commander syntax: '--qps <q>', '--json', '--no-deploy'
  description: string;
  parse?: (raw: string, previous: unknown) => unknown;
};

export function numberFlag(name: string, check: { integer?: boolean; min: number; max?: number }): (raw: string) => number {
  return (raw) => {
    // Decimal notation only: Number() would also take "0x50", "1e3" or " 5 ".
    const value = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    const inRange = Number.isFinite(value) && value >= check.min && (check.max === undefined || value <= check.max);
    if (!inRange || (check.integer && !Number.isInteger(value))) {
      const kind = check.integer ? 'an integer' : 'a number';
      const range = check.max === undefined ? `>= ${check.min}` : `from ${check.min} to ${check.max}`;
      throw new UserInputError(`--${name} must be ${kind} ${range}, got "${raw}"`);
    }
    return value;
  };
}

// A workspace or file id given on the command line: a positive safe integer, written in digits.
export function readIdFlag(raw: unknown, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value <= 0) {
    throw new UserInputError(`${flag} must be a positive integer id, got "${String(raw)}"`);
  }
  return value;
}

// A flag given several times collects its values: --only a --only b → ['a', 'b'].
export function repeatable(raw: string, previous: unknown): string[] {
  return [...(Array.isArray(previous) ? (previous as string[]) : []), raw];
}

// Every flag any command takes. A command lists the ones it accepts in command-table.ts; a flag given
// to a command that does not list it is a usage error.
export const FLAGS = {
  json: { flags: '--json', description: 'print one JSON document on stdout; logs go to stderr' },
  state: { flags: '--state <path>', description: 'state file (default .dwsync/state.json)' },
  endpoint: { flags: '--endpoint <url>', description: 'DataWorks endpoint (default dataworks.<region>.aliyuncs.com; env DWSYNC_ENDPOINT)' },
  region: { flags: '--region <region>', description: 'region for the default endpoint (default cn-hangzhou)' },
  concurrency: { flags: '--concurrency <n>', description: 'calls in flight at most (default 4)', parse: numberFlag('concurrency', { integer: true, min: 1, max: 256 }) },
  qps: { flags: '--qps <q>', description: 'calls per second at most, 0 = no ceiling (default 5)', parse: numberFlag('qps', { min: 0, max: 10_000 }) },
  workspace: { flags: '--workspace <id>', description: 'only this DataWorks workspace (projectId); with {projectId} in the state path, its own state file', parse: numberFlag('workspace', { integer: true, min: 1 }) },
  only: { flags: '--only <glob>', description: "only consider these task files (repeatable), e.g. 'jobs/ods/**'", parse: repeatable },
  detailedExitcode: { flags: '--detailed-exitcode', description: 'exit 0 when there is nothing to do, 2 when there are changes' },
  refresh: { flags: '--refresh', description: 'also read the live tasks and report drift (edits made in DataWorks)' },
  force: { flags: '--force', description: 'overwrite tasks changed in DataWorks outside git (with --refresh)' },
  deploy: { flags: '--deploy', description: 'submit and deploy each updated task' },
  noDeploy: { flags: '--no-deploy', description: 'do not deploy, whatever dwsync.yaml says' },
  prune: { flags: '--prune', description: 'delete tasks no task file declares any more, if dwsync created or applied them' },
  noPrune: { flags: '--no-prune', description: 'leave orphans alone, whatever dwsync.yaml says' },
  maxDeletes: { flags: '--max-deletes <n>', description: 'with --prune, stop before any call if more tasks would be deleted (default 10)', parse: numberFlag('max-deletes', { integer: true, min: 0 }) },
  remote: { flags: '--remote', description: "also check every datasource and resource group against the task's workspace (needs credentials)" },
  projectId: { flags: '--project-id <id>', description: 'the DataWorks workspace id to import from (required)' },
  fileId: { flags: '--file-id <ids>', description: 'only these file ids, comma-separated (repeatable)', parse: repeatable },
  nodeId: { flags: '--node-id <ids>', description: 'only these node ids (2024-05-18 workspaces), comma-separated (repeatable)', parse: repeatable },
  folder: { flags: '--folder <path>', description: 'only tasks under this DataWorks folder' },
  out: { flags: '--out <dir>', description: 'write the task files here (default the jobs folder)' },
  overwrite: { flags: '--overwrite', description: 'replace task files that already exist' },
  doctorProjectId: { flags: '--project-id <id>', description: 'the DataWorks workspace id to check (required)' },
  doctorFileId: { flags: '--file-id <id>', description: 'the task to look into (default the first batch sync task listed)' },
  doctorNodeId: { flags: '--node-id <id>', description: 'on a 2024-05-18 workspace, the node to look into (default the first batch sync node listed)' },
  writeProbe: { flags: '--write-probe', description: "send the task's content (a node's script.content) back unchanged and show what DataWorks changed" },
  rekeyProjectId: { flags: '--project-id <id>', description: 'the workspace moved to the new Data Studio (required)' },
  dryRun: { flags: '--dry-run', description: 'show what would be re-keyed; write nothing' },
  rekeyMap: { flags: '--map <file>', description: 'a YAML or JSON mapping of file ids to node ids, for tasks whose legacy name is unknown' },
  port: { flags: '--port <n>', description: 'port to listen on, 0 = any free port (default 8787)', parse: numberFlag('port', { integer: true, min: 0, max: 65_535 }) },
  seed: { flags: '--seed <dir>', description: 'create an empty task for every task file in this folder' },
  newStudio: { flags: '--new-studio <id>', description: 'serve this workspace as a new Data Studio one (API 2024-05-18; repeatable)', parse: repeatable },
  latencyMs: { flags: '--latency-ms <ms>', description: 'delay every answer (default 0)', parse: numberFlag('latency-ms', { min: 0, max: 600_000 }) },
  emulatorQps: { flags: '--qps <q>', description: 'answer calls beyond this rate with a throttling error, 0 = no limit', parse: numberFlag('qps', { min: 0, max: 100_000 }) },
  failRate: { flags: '--fail-rate <r>', description: 'share of calls answered with a retryable 5xx, 0 to 1', parse: numberFlag('fail-rate', { min: 0, max: 1 }) },
  quotaAfter: { flags: '--quota-after <n>', description: 'answer every call after the first N with a quota error', parse: numberFlag('quota-after', { integer: true, min: 0 }) },
  mode: { flags: '--mode <mode>', description: 'the workspace mode the emulator reports: basic or standard' },
} as const satisfies Record<string, FlagSpec>;

// The flags of every command that reads the task repository and may call DataWorks.
export const REPO_FLAGS: FlagSpec[] = [FLAGS.json, FLAGS.state, FLAGS.endpoint, FLAGS.region, FLAGS.concurrency, FLAGS.qps, FLAGS.only, FLAGS.workspace];
