import type { Problem } from '../problem.js';

// What `dwsync validate` found: every problem and warning, and how many files and tasks it read
// (with --workspace, the tasks of that workspace and the files holding them).
export type ValidateReport = { problems: Problem[]; warnings: Problem[]; files: number; tasks: number };
