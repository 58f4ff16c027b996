import { describe, expect, it } from 'vitest';

import { indexDeclared } from '../../../src/core/import/index-declared.js';
import { buildTask } from '../../support/build-task.js';

describe('indexDeclared', () => {
  it('gives each declared task its file and how many tasks that file holds', () => {
    const declared = indexDeclared([
      buildTask({ fileId: 1, file: 'jobs/two.yaml' }),
      buildTask({ fileId: 2, file: 'jobs/two.yaml' }),
      buildTask({ fileId: 3, file: 'jobs/one.yaml' }),
    ]);
    expect([...declared]).toEqual([
      ['10000/1', { file: 'jobs/two.yaml', tasksInFile: 2 }],
      ['10000/2', { file: 'jobs/two.yaml', tasksInFile: 2 }],
      ['10000/3', { file: 'jobs/one.yaml', tasksInFile: 1 }],
    ]);
  });
});
