import { describe, expect, it } from 'vitest';
import { replaceFileId } from '../../../src/core/rekey/replace-file-id.js';

describe('replaceFileId', () => {
  it('replaces only the key and value, keeping comments and formatting', () => {
    const text = '# Imported by dwsync\nprojectId: 1\nfileId:   42 # legacy\nname: x\n';
    expect(replaceFileId(text, 42, '7000000000000000001')).toBe('# Imported by dwsync\nprojectId: 1\nnodeId:   "7000000000000000001" # legacy\nname: x\n');
  });
  it('finds the document of that file among several', () => {
    const text = 'projectId: 1\nfileId: 41\n---\nprojectId: 1\nfileId: 42\n';
    expect(replaceFileId(text, 42, '7')).toBe('projectId: 1\nfileId: 41\n---\nprojectId: 1\nnodeId: "7"\n');
  });
  it('leaves a nested fileId alone and says when there is none', () => {
    expect(replaceFileId('projectId: 1\nreader:\n  fileId: 3\n', 3, '7')).toBeUndefined();
    expect(replaceFileId('projectId: 1\nfileId: 4\n', 3, '7')).toBeUndefined();
  });
});

it('skips documents that are not mappings before the task', () => {
  expect(replaceFileId('---\n---\njust text\n---\nprojectId: 1\nfileId: 42\n', 42, '7')).toBe('---\n---\njust text\n---\nprojectId: 1\nnodeId: "7"\n');
});
