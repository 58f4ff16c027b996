import { compareProblems, type Problem } from '../problem.js';
import type { Task } from './task.js';
import { taskRules, type TaskRule } from './task-rules.js';

// Runs the cross-file rules over every task that parsed cleanly.
export function validateTasks(tasks: readonly Task[], rules: readonly TaskRule[] = taskRules): Problem[] {
  return rules.flatMap((rule) => rule(tasks)).sort(compareProblems);
}
