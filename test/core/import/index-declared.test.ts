import { describe, expect, it } from 'vitest';

import { indexDeclared } from '../../../src/core/import/index-declared.js';
import { buildNamedTask, buildNodeTask, buildTask } from '../../support/build-task.js';

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

  it('lists a task given by name under the fileId the state learned for it too, naming the task', () => {
    const named = buildNamedTask({ name: 'users', folder: 'ods', file: 'jobs/users.yaml' });
    const learned = new Map([[named.key, 3000001]]);
    const declared = indexDeclared([named, buildTask({ fileId: 1, file: 'jobs/one.yaml' })], (key) => learned.get(key));
    expect([...declared]).toEqual([
      ['10000/ods/users', { file: 'jobs/users.yaml', tasksInFile: 1 }],
      ['10000/3000001', { file: 'jobs/users.yaml', tasksInFile: 1, namedAs: '10000/ods/users' }],
      ['10000/1', { file: 'jobs/one.yaml', tasksInFile: 1 }],
    ]);
    // Not yet created: known by its name alone.
    expect([...indexDeclared([named]).keys()]).toEqual(['10000/ods/users']);
  });
});

describe('indexDeclared, tasks given by id', () => {
  it('asks the state only about tasks given by name, not about a file id or a node id', () => {
    const asked: string[] = [];
    const declared = indexDeclared([buildTask({ fileId: 1, file: 'jobs/a.yaml' }), buildNodeTask({ nodeId: '7', file: 'jobs/b.yaml' })], (key) => {
      asked.push(key);
      return 99;
    });
    expect(asked).toEqual([]);
    expect([...declared.keys()]).toEqual(['10000/1', '20000/7']);
  });
});
