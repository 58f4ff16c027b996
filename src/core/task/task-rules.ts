import type { Problem } from '../problem.js';
import type { Task } from './task.js';
import { duplicateTaskKeys } from './duplicate-task-keys.js';

// A rule sees every parsed task at once, for checks that span documents and files.
export type TaskRule = (tasks: readonly Task[]) => Problem[];

export const taskRules: readonly TaskRule[] = [duplicateTaskKeys];
