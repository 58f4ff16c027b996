import { expect, test } from 'vitest';
import { suggestKey } from '../../../src/core/text/suggest-key.js';

const keys = ['projectId', 'fileId', 'taskType', 'description', 'deploy', 'taskParam', 'taskContent'];

test('close typos get a suggestion, other words do not', () => {
  expect(suggestKey('fileID', keys)).toBe('fileId');
  expect(suggestKey('projectid', keys)).toBe('projectId');
  expect(suggestKey('taskContnet', keys)).toBe('taskContent');
  expect(suggestKey('descripton', keys)).toBe('description');
  expect(suggestKey('schedule', keys)).toBeNull();
  expect(suggestKey('x', keys)).toBeNull();
});
