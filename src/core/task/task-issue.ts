import type { PathSegment } from '../text/format-path.js';
import type { Task } from './task.js';

// Something to say about a task at a path inside it, before the path is located in its file (a
// check that sees tasks, not their text: the references, the API generation).
export type TaskIssue = { task: Task; path: PathSegment[]; message: string; severity: 'error' | 'warning' };
