import { describe, expect, it } from 'vitest';
import { validateTaskIdentity } from '../../../src/core/task/validate-task-identity.js';

const both = (key: string) => ({
  path: [key],
  at: 'key',
  message: `${key} cannot be given with fileId: expected either fileId (an existing task) or name and folder (a task dwsync creates)`,
});

describe('validateTaskIdentity', () => {
  it('accepts fileId alone, and name with folder', () => {
    expect(validateTaskIdentity({ fileId: 1 })).toEqual([]);
    expect(validateTaskIdentity({ name: 'ods_users', folder: 'Business Flow/ods' })).toEqual([]);
  });

  it('accepts nodeId alone, refuses it beside fileId, and name and folder beside it', () => {
    expect(validateTaskIdentity({ nodeId: '7' })).toEqual([]);
    expect(validateTaskIdentity({ fileId: 1, nodeId: '7' })).toEqual([
      { path: ['nodeId'], at: 'key', message: 'nodeId cannot be given with fileId: a task is either a file (2020-05-18 workspaces) or a node (2024-05-18 workspaces)' },
    ]);
    expect(validateTaskIdentity({ nodeId: '7', name: 'n' }).map((issue) => issue.message)).toEqual([
      'name cannot be given with nodeId: expected either nodeId (an existing task) or name and folder (a task dwsync creates)',
    ]);
  });

  it('refuses name and folder beside fileId, at each key', () => {
    expect(validateTaskIdentity({ fileId: 1, name: 'n' })).toEqual([both('name')]);
    expect(validateTaskIdentity({ fileId: 1, name: 'n', folder: 'f' })).toEqual([both('name'), both('folder')]);
  });

  it('asks for the folder of a named task, and the name of a foldered one', () => {
    expect(validateTaskIdentity({ name: 'n' })).toEqual([
      { path: ['folder'], message: 'folder is missing: a task given by name needs its DataWorks folder path, e.g. folder: Business Flow/ods/Data Integration' },
    ]);
    expect(validateTaskIdentity({ folder: 'f' })).toEqual([
      { path: ['name'], message: 'name is missing: a task given by folder needs its DataWorks file name, e.g. name: ods_users' },
    ]);
  });

  it('asks for fileId when neither form is given', () => {
    expect(validateTaskIdentity({ projectId: 1 })).toEqual([
      { path: ['fileId'], message: 'fileId is missing: expected a positive integer (or nodeId on a 2024-05-18 workspace), or name and folder for a task dwsync creates' },
    ]);
  });

  it('checks presence only: a value of the wrong type still counts as given, undefined does not', () => {
    expect(validateTaskIdentity({ fileId: 'x', name: null })).toEqual([both('name')]);
    expect(validateTaskIdentity({ fileId: undefined, name: 'n', folder: 'f' })).toEqual([]);
  });
});
