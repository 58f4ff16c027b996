import { describe, expect, it } from 'vitest';
import { namedTaskKey, parseTaskKey, taskKey } from '../../../src/core/task/task.js';

describe('taskKey and namedTaskKey', () => {
  it('join the parts with slashes', () => {
    expect(taskKey(10000, 1000001)).toBe('10000/1000001');
    expect(namedTaskKey(10000, 'Business Flow/ods/Data Integration', 'ods_users')).toBe('10000/Business Flow/ods/Data Integration/ods_users');
  });
});

describe('parseTaskKey', () => {
  it('reads a fileId key', () => {
    expect(parseTaskKey('10000/1000001')).toEqual({ projectId: 10000, id: '1000001' });
  });

  it('reads a named key: the last segment is the name, the rest the folder', () => {
    expect(parseTaskKey('10000/Business Flow/ods/Data Integration/ods_users')).toEqual({
      projectId: 10000,
      folder: 'Business Flow/ods/Data Integration',
      name: 'ods_users',
    });
    expect(parseTaskKey('10000/f/n')).toEqual({ projectId: 10000, folder: 'f', name: 'n' });
  });

  it('reads back what the key makers write', () => {
    expect(parseTaskKey(taskKey(7, 8))).toEqual({ projectId: 7, id: '8' });
    expect(parseTaskKey(taskKey(7, '7000123456789012345'))).toEqual({ projectId: 7, id: '7000123456789012345' });
    expect(parseTaskKey(namedTaskKey(7, 'a/b', 'c'))).toEqual({ projectId: 7, folder: 'a/b', name: 'c' });
  });
});
