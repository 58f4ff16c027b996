import path from 'node:path';
import { compareProblems, type Problem } from '../core/problem.js';
import type { Task } from '../core/task/task.js';
import { validateTasks } from '../core/task/validate-tasks.js';
import { taskRules } from '../core/task/task-rules.js';
import { taskFitsApi } from '../core/task/task-fits-api.js';
import type { ApiOf } from '../core/config/api-version.js';
import { checkOnlyPattern, compileGlobs } from '../core/text/glob.js';
import { UserInputError } from '../errors.js';
import { listTaskFiles } from './list-task-files.js';
import { locateTaskIssues } from './locate-task-issues.js';
import type { readTaskText } from './read-task-text.js';
import { parseTaskFiles } from './parse-task-files.js';

export type ReadTaskFilesOptions = {
  root: string;
  jobs: string; // the jobs folder, relative to root, e.g. "jobs"
  only?: string[]; // --only globs, relative to root
  threads?: number; // threads that parse the files (parse-task-files.ts); default: one per core, up to 4
  readText?: typeof readTaskText; // tests pass a wrapper to watch the reads
  apiOf?: ApiOf; // each workspace's API generation, to check that a task names a file or a node to match
};

export type TaskFiles = { tasks: Task[]; problems: Problem[]; warnings: Problem[]; files: string[] };

// Reads, parses and checks every task file below the jobs folder. Bad files become located
// problems, never exceptions; only a --only pattern outside the jobs folder is a usage error.
export async function readTaskFiles(options: ReadTaskFilesOptions): Promise<TaskFiles> {
  const patterns = (options.only ?? []).map((pattern) => {
    const checked = checkOnlyPattern(pattern, options.jobs);
    if ('error' in checked) throw new UserInputError(checked.error);
    return checked.pattern;
  });
  const matches = compileGlobs(patterns);
  const listed = await listTaskFiles(options.root, options.jobs);
  const selected = (file: string) => patterns.length === 0 || matches(file);
  const files = listed.files.filter(selected);
  const jobsFolder = path.relative(options.root, path.resolve(options.root, options.jobs)).split(path.sep).join('/') || '.';
  // A pattern that selects nothing is a typo or a wrong folder: stopping beats a quiet "no changes".
  if (listed.files.length > 0) {
    const idle = patterns.filter((pattern) => !listed.files.some(compileGlobs([pattern])));
    if (idle.length > 0) {
      throw new UserInputError(`--only ${idle.map((p) => JSON.stringify(p)).join(', ')} matches none of the ${listed.files.length} task file(s) in ${jobsFolder}/`);
    }
  }
  const problems = listed.problems.filter((p) => p.file === jobsFolder || selected(p.file));

  const parsed = await parseTaskFiles(options.root, files, { threads: options.threads, readText: options.readText });
  const tasks = parsed.flatMap((p) => p.tasks);
  for (const p of parsed) problems.push(...p.problems);
  problems.push(...validateTasks(tasks, taskRules));
  // Located at the key, in the file read again: such a problem is rare, the texts are not kept.
  if (options.apiOf) problems.push(...(await locateTaskIssues(options.root, taskFitsApi(options.apiOf)(tasks))));
  const warnings = parsed.flatMap((p) => p.warnings);
  return { tasks, problems: problems.sort(compareProblems), warnings, files };
}
