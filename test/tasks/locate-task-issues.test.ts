import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaskIssue } from '../../src/core/task/task-issue.js';
import { locateTaskIssues } from '../../src/tasks/locate-task-issues.js';
import { buildTask } from '../support/build-task.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir('dwsync-locate-');

const first = `projectId: 10000
fileId: 1
taskParam: {ResourceGroup: S_x}
taskContent:
  type: job
  steps:
    - {stepType: mysql, category: reader, name: R, parameter: {datasource: a_src}}
    - {stepType: odps, category: writer, name: W, parameter: {datasource: b_dst}}
---
projectId: 10000
fileId: 2
taskParam: {ResourceGroup: S_y}
taskContent: {type: job}
`;
const second = `# a comment
projectId: 20000
fileId: 3
taskParam: {ResourceGroup: S_z}
taskContent: {type: job, steps: [{stepType: odps, category: reader, name: R, parameter: {datasource: c_src}}]}
`;

describe('locateTaskIssues', () => {
  it('places each issue at its path in its own file, sorted by file, line and column, warnings marked', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'jobs'));
    await writeFile(path.join(root, 'jobs/b.yaml'), first);
    await writeFile(path.join(root, 'jobs/a.yaml'), second);
    // Where each document starts, as the task file parser records it.
    const t1 = buildTask({ fileId: 1, file: 'jobs/b.yaml', line: 1, column: 1 });
    const t2 = buildTask({ fileId: 2, file: 'jobs/b.yaml', line: 10, column: 1 });
    const t3 = buildTask({ projectId: 20000, fileId: 3, file: 'jobs/a.yaml', line: 2, column: 1 });
    const issues: TaskIssue[] = [
      { task: t2, path: ['taskParam', 'ResourceGroup'], message: 'group y', severity: 'warning' },
      { task: t1, path: ['taskContent', 'steps', 1, 'parameter', 'datasource'], message: 'dst', severity: 'error' },
      { task: t3, path: ['taskContent', 'steps', 0, 'parameter', 'datasource'], message: 'src c', severity: 'error' },
      { task: t1, path: ['taskContent', 'steps', 0, 'parameter', 'datasource'], message: 'src a', severity: 'error' },
    ];

    expect(await locateTaskIssues(root, issues)).toEqual([
      { file: 'jobs/a.yaml', line: 5, column: 102, path: 'taskContent.steps[0].parameter.datasource', message: 'src c' },
      { file: 'jobs/b.yaml', line: 7, column: 76, path: 'taskContent.steps[0].parameter.datasource', message: 'src a' },
      { file: 'jobs/b.yaml', line: 8, column: 75, path: 'taskContent.steps[1].parameter.datasource', message: 'dst' },
      { file: 'jobs/b.yaml', line: 12, column: 28, path: 'taskParam.ResourceGroup', message: 'group y', severity: 'warning' },
    ]);
  });

  it('a file that can no longer be read places its issues at the task\'s own line and column, and the problem carries nothing else of the task', async () => {
    const root = await tempDir();
    const t2 = buildTask({ fileId: 2, file: 'jobs/gone.yaml', line: 10, column: 1 });
    const issues: TaskIssue[] = [{ task: t2, path: ['taskParam', 'ResourceGroup'], message: 'm', severity: 'error' }];
    expect(await locateTaskIssues(root, issues)).toEqual([{ file: 'jobs/gone.yaml', line: 10, column: 1, path: 'taskParam.ResourceGroup', message: 'm' }]);
  });

  it('a file edited since it was read (the document is no longer where the task starts) falls back the same way', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'jobs'));
    await writeFile(path.join(root, 'jobs/b.yaml'), `# moved down\n${first}`);
    const t1 = buildTask({ fileId: 1, file: 'jobs/b.yaml', line: 1, column: 1 });
    const issues: TaskIssue[] = [{ task: t1, path: ['taskParam', 'ResourceGroup'], message: 'm', severity: 'warning' }];
    expect(await locateTaskIssues(root, issues)).toEqual([
      { file: 'jobs/b.yaml', line: 1, column: 1, path: 'taskParam.ResourceGroup', message: 'm', severity: 'warning' },
    ]);
  });

  it('no issues, no problems', async () => {
    expect(await locateTaskIssues(await tempDir(), [])).toEqual([]);
  });
});
