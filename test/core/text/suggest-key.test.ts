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

test('two neighbours swapped are one slip, not two edits', () => {
  expect(suggestKey('raeder', ['reader'])).toBe('reader');
  expect(suggestKey('fiel', ['file'])).toBe('file');
});

test('a key that differs only in case is the one meant, before any closer-looking other', () => {
  expect(suggestKey('FILEIDS', ['fileIdx', 'fileids'])).toBe('fileids');
});

test('of two keys equally close, the first allowed is suggested', () => {
  expect(suggestKey('cat', ['bat', 'hat'])).toBe('bat');
  expect(suggestKey('cat', ['hat', 'bat'])).toBe('hat');
});

test('about one edit per four characters of the key meant, and at least one', () => {
  expect(suggestKey('ab', ['ac'])).toBe('ac');
  expect(suggestKey('abcdefgh', ['abcdefXY'])).toBe('abcdefXY'); // 8 characters: two edits
  expect(suggestKey('abcdefg', ['abcdeXY'])).toBeNull(); // 7 characters: one edit
  expect(suggestKey('abcdefgh', ['abcdeXYZ'])).toBeNull();
});

test('a key more than three characters longer or shorter is never a typo, even of a long key', () => {
  const long = 'abcdefghijklmnop'; // 16 characters: four edits allowed
  expect(suggestKey(`${long}xyz`, [long])).toBe(long);
  expect(suggestKey(`${long}wxyz`, [long])).toBeNull();
  expect(suggestKey(long, [`${long}wxyz`])).toBeNull();
});

test('no allowed keys, no suggestion', () => {
  expect(suggestKey('fileId', [])).toBeNull();
});

test('letters added before the key meant are edits too', () => {
  expect(suggestKey('xyfile', ['file'])).toBeNull();
});

test('a swap after other edits costs one more edit, not less', () => {
  expect(suggestKey('xraeder', ['yreader'])).toBeNull();
  expect(suggestKey('raeder', ['raedex', 'reader'])).toBe('raedex');
});
