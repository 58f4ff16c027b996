import { describe, expect, it } from 'vitest';

import { checkReferences } from '../../../src/core/references/check-references.js';
import { locateTaskPaths } from '../../../src/core/references/locate-task-paths.js';
import { parseTaskFile } from '../../../src/core/task/parse-task-file.js';
import { formatProblem } from '../../../src/core/problem.js';

const text = `projectId: 10000
fileId: 1000001
taskParam: {ResourceGroup: S_res_group_1_1}
taskContent:
  type: job
  version: "2.0"
  steps:
    - stepType: mysql
      category: reader
      name: Reader
      parameter:
        connection:
          - {datasource: mysql_pub, table: [a]}
          - {datasource: mysql_shard2, table: [b]}
    - stepType: odps
      category: writer
      name: Writer
      parameter: {datasource: odps_frist, table: u_pk}
---
projectId: 20000
fileId: 1000002
taskParam: {ResourceGroup: S_res_group_2_2}
taskContent: '{"type":"job","version":"2.0","steps":[{"stepType":"mysql","category":"reader","name":"R","parameter":{"datasource":"mysql_pub"}},{"stepType":"odps","category":"writer","name":"W","parameter":{"datasource":"odps_first"}}]}'
`;

const workspaces = {
  datasources: new Map([
    [10000, ['mysql_pub', 'odps_first']],
    [20000, ['odps_first']],
  ]),
  resourceGroups: ['S_res_group_1_1'],
};

describe('checkReferences', () => {
  it('reports each datasource missing from its own workspace as an error and an unlisted group as a warning, at their lines', () => {
    const { tasks, problems } = parseTaskFile(text, 'jobs/t.yaml');
    expect(problems).toEqual([]);
    const issues = checkReferences(tasks, workspaces);
    const located = issues.map((issue) => {
      const [at] = locateTaskPaths(text, issue.task, [issue.path]);
      return formatProblem({ file: issue.task.file, ...at!, path: '', message: issue.message, ...(issue.severity === 'warning' ? { severity: 'warning' as const } : {}) });
    });
    expect(located).toEqual([
      'jobs/t.yaml:14:26: error: taskContent.steps[0].parameter.connection[1].datasource: datasource "mysql_shard2" does not exist in workspace 10000',
      'jobs/t.yaml:18:31: error: taskContent.steps[1].parameter.datasource: datasource "odps_frist" does not exist in workspace 10000 (did you mean "odps_first"?)',
      // A datasource of another workspace is not good enough; in a JSON string, the string is the place.
      'jobs/t.yaml:23:14: error: taskContent.steps[0].parameter.datasource: datasource "mysql_pub" does not exist in workspace 20000',
      'jobs/t.yaml:22:28: warning: taskParam.ResourceGroup: "S_res_group_2_2" is not among the Data Integration resource groups DataWorks lists (did you mean "S_res_group_1_1"?)',
    ]);
  });

  it('finds nothing when every name exists', () => {
    const { tasks } = parseTaskFile(text, 'jobs/t.yaml');
    const all = { datasources: new Map([[10000, ['mysql_pub', 'mysql_shard2', 'odps_frist']], [20000, ['mysql_pub', 'odps_first']]]), resourceGroups: ['S_res_group_1_1', 'S_res_group_2_2'] };
    expect(checkReferences(tasks, all)).toEqual([]);
  });

  it('reports a dependsOn output no node of its workspace has, where the outputs are known, at its line; elsewhere it is not checked', () => {
    const scheduled = `projectId: 20000
nodeId: "7000000000000000001"
taskParam: {ResourceGroup: S_res_group_1_1}
taskContent: {type: job, version: "2.0", steps: [{stepType: mysql, category: reader, name: R, parameter: {}}, {stepType: odps, category: writer, name: W, parameter: {}}]}
schedule:
  dependsOn: [emulator_20000_root, ods_userz_out]
`;
    const { tasks, problems } = parseTaskFile(scheduled, 'jobs/n.yaml');
    expect(problems).toEqual([]);
    const known = { ...workspaces, outputs: new Map([[20000, ['emulator_20000_root', 'ods_users_out']]]) };
    const located = checkReferences(tasks, known).map((issue) => {
      const [at] = locateTaskPaths(scheduled, issue.task, [issue.path]);
      return formatProblem({ file: issue.task.file, ...at!, path: '', message: issue.message });
    });
    expect(located).toEqual(['jobs/n.yaml:6:36: error: schedule.dependsOn[1]: no node in workspace 20000 has the output "ods_userz_out" (did you mean "ods_users_out"?)']);
    // Outputs of another workspace only, or none known: nothing to say.
    expect(checkReferences(tasks, { ...workspaces, outputs: new Map([[10000, ['ods_userz_out']]]) })).toEqual([]);
    expect(checkReferences(tasks, workspaces)).toEqual([]);
  });
});

describe('checkReferences, empty lists', () => {
  it('says a workspace lists no datasources or groups at all, and reads a workspace missing from the lists as listing none', () => {
    const { tasks } = parseTaskFile(text, 'jobs/t.yaml');
    const issues = checkReferences(tasks.slice(0, 1), { datasources: new Map(), resourceGroups: [] });
    expect(issues.map((issue) => [issue.severity, issue.message])).toEqual([
      ['error', 'taskContent.steps[0].parameter.connection[0].datasource: datasource "mysql_pub" does not exist in workspace 10000 (it lists none)'],
      ['error', 'taskContent.steps[0].parameter.connection[1].datasource: datasource "mysql_shard2" does not exist in workspace 10000 (it lists none)'],
      ['error', 'taskContent.steps[1].parameter.datasource: datasource "odps_frist" does not exist in workspace 10000 (it lists none)'],
      ['warning', 'taskParam.ResourceGroup: "S_res_group_1_1" is not among the Data Integration resource groups DataWorks lists (it lists none)'],
    ]);
  });
});
