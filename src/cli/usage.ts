export const USAGE = `dwsync: keep DataWorks batch sync tasks in git

Usage: dwsync <command> [flags]

Commands:
  validate              parse and check every task file (no state, no network)
  plan                  show what apply would do
  apply                 push every changed task, recording each outcome as it happens
  import                write task files for tasks that already exist in DataWorks
  unlock                remove a state lock left by a run that is gone
  emulator              run a local DataWorks-compatible endpoint
  doctor                check what DataWorks answers against the API models (read-only)

Common flags:
  -C DIR                run as if started in DIR (the repository root)
  --json                print one JSON document on stdout; logs go to stderr
  --state PATH          state file (default .dwsync/state.json)
  --endpoint URL        DataWorks endpoint (default dataworks.<region>.aliyuncs.com; env DWSYNC_ENDPOINT)
  --region REGION       region for the default endpoint (default cn-hangzhou)
  --concurrency N       calls in flight at most (default 4)
  --qps Q               calls per second at most, 0 = no ceiling (default 5)
  --only GLOB           only consider these task files (repeatable), e.g. 'jobs/ods/**'

plan:     --detailed-exitcode (0 no changes, 2 changes)  --refresh (compare with the live tasks)
apply:    --refresh  --force (overwrite tasks changed in the console)  --deploy | --no-deploy
import:   --project-id P  [--file-id F[,F...] ...]  [--folder PATH]  [--out DIR]  [--overwrite]
doctor:   --project-id P  [--file-id F]  [--write-probe (send one task's content back unchanged)]
emulator: --port N (default 8787; 0 = any)  --seed DIR  --latency-ms MS  --qps Q  --fail-rate R
          --quota-after N  --mode basic|standard

Exit status: 0 success; 1 usage error, invalid input, unreadable state, missing credentials or held lock;
2 plan --detailed-exitcode found changes; 3 apply finished with failed or skipped tasks.
`;
