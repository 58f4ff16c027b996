import { describe, expect, it } from 'vitest';
import { taskRules } from '../../../src/core/task/task-rules.js';
import { duplicateTaskKeys } from '../../../src/core/task/duplicate-task-keys.js';

describe('taskRules', () => {
  it('lists the cross-file rules', () => {
    expect(taskRules).toEqual([duplicateTaskKeys]);
  });
});
