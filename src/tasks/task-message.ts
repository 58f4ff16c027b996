import type { Task } from '../core/task/task.js';
import { defineLazyJson, lazyJsonText } from '../core/text/define-lazy.js';

// A task as a message between threads carries it. Its configs are lazy fields (define-lazy.ts) that
// a message cannot hold: copying the object would read them, parsing every config, and send parsed
// objects several times the size of their text. They travel as their JSON texts instead.
export type TaskMessage = { task: Omit<Task, 'taskParam' | 'taskContent'>; taskParam: string; taskContent: string };

export function toTaskMessage(task: Task): TaskMessage {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(task)) if (key !== 'taskParam' && key !== 'taskContent') fields[key] = task[key as keyof Task];
  return { task: fields as TaskMessage['task'], taskParam: configText(task, 'taskParam'), taskContent: configText(task, 'taskContent') };
}

// The task again, its configs lazy as parseTaskFile makes them, in the same field order.
export function fromTaskMessage(message: TaskMessage): Task {
  const task = message.task as Task;
  defineLazyJson(task, 'taskParam', message.taskParam);
  defineLazyJson(task, 'taskContent', message.taskContent);
  return task;
}

// The text kept behind a lazy config; a plain one (a task made otherwise) is written out.
function configText(task: Task, field: 'taskParam' | 'taskContent'): string {
  return lazyJsonText(task, field) ?? JSON.stringify(task[field]);
}
