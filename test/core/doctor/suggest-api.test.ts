import { expect, it } from 'vitest';
import { suggestApi } from '../../../src/core/doctor/suggest-api.js';

it('suggests 2024-05-18 when the DI tasks are nodes, and 2020-05-18 when they are files', () => {
  const upgraded = suggestApi('2020-05-18', { answered: false, code: 'Invalid.Version' }, { answered: true, diTasks: 3 });
  expect(upgraded).toEqual({ configured: '2020-05-18', suggested: '2024-05-18', evidence: 'ListFiles failed (Invalid.Version); ListNodes answered with 3 DI node(s) on its first page' });
  expect(suggestApi('2020-05-18', { answered: true, diTasks: 0 }, { answered: true, diTasks: 2 }).suggested).toBe('2024-05-18');
  expect(suggestApi('2024-05-18', { answered: true, diTasks: 5 }, { answered: true, diTasks: 0 }).suggested).toBe('2020-05-18');
  expect(suggestApi('2020-05-18', { answered: true, diTasks: 0 }, { answered: false, code: 'Forbidden' }).suggested).toBe('2020-05-18');
  expect(suggestApi('2020-05-18', { answered: true, diTasks: 0 }, { answered: true, diTasks: 0 }).suggested).toBeNull();
});

it('names files and nodes in the evidence, suggests 2020-05-18 when DI files are listed beside nodes, and nothing when both failed', () => {
  const both = suggestApi('2020-05-18', { answered: true, diTasks: 2 }, { answered: true, diTasks: 3 });
  expect(both).toEqual({ configured: '2020-05-18', suggested: '2020-05-18', evidence: 'ListFiles answered with 2 DI file(s) on its first page; ListNodes answered with 3 DI node(s) on its first page' });
  expect(suggestApi('2020-05-18', { answered: false, code: 'X' }, { answered: false, code: 'Y' }).suggested).toBeNull();
});
