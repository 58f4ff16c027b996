import { describe, expect, it, test } from 'vitest';
import { parseTaskFile } from '../../../src/core/task/parse-task-file.js';
import { formatProblem, formatWarning } from '../../../src/core/problem.js';
import { validTaskYaml, withLine } from '../../support/task-builders.js';

const lines = (text: string) => parseTaskFile(text, 'jobs/t.yaml').problems.map(formatProblem);

describe('parseTaskFile', () => {
  test('a valid document becomes a task, values exactly as typed', () => {
    const { tasks, problems } = parseTaskFile(validTaskYaml, 'jobs/t.yaml');
    expect(problems).toEqual([]);
    expect(tasks).toHaveLength(1);
    const task = tasks[0]!;
    expect(task).toMatchObject({ key: '10000/1000001', projectId: 10000, fileId: 1000001, file: 'jobs/t.yaml', line: 1, column: 1 });
    expect(task.taskParam).toEqual({ ResourceGroup: 'S_res_group_XXX_XXXX', Cu: 2 });
    expect(JSON.stringify(task.taskContent)).toContain('"partition":"pt=${bizdate}"');
    expect(Object.keys(task.taskContent)).toEqual(['type', 'version', 'steps', 'setting', 'order']);
  });

  test('a task given by name and folder has the key projectId/folder/name and no fileId yet', () => {
    const text = withLine(validTaskYaml, 'fileId: 1000001', 'name: ods_users\nfolder: Business Flow/ods/Data Integration');
    const { tasks, problems } = parseTaskFile(text, 'jobs/t.yaml');
    expect(problems).toEqual([]);
    expect(tasks[0]).toMatchObject({ key: '10000/Business Flow/ods/Data Integration/ods_users', fileId: null, name: 'ods_users', folder: 'Business Flow/ods/Data Integration' });
  });

  test('author key order is kept, unknown keys included', () => {
    const text = withLine(validTaskYaml, '  type: job\n  version: "2.0"\n', '  zeta: 1\n  version: "2.0"\n  type: job\n  alpha: "2"\n');
    const task = parseTaskFile(text, 'jobs/t.yaml').tasks[0]!;
    expect(Object.keys(task.taskContent)).toEqual(['zeta', 'version', 'type', 'alpha', 'steps', 'setting', 'order']);
    expect(task.taskContent.alpha).toBe('2');
    expect(task.taskContent.zeta).toBe(1);
  });

  test('taskContent as a JSON string is parsed, scheduling parameters kept literally', () => {
    const text = `projectId: 1\nfileId: 2\ntaskParam: {ResourceGroup: g}\ntaskContent: '{"type":"job","version":"2.0","steps":[{"stepType":"mysql","category":"reader","name":"R","parameter":{"where":"ds=$[yyyymmdd-1]"}},{"stepType":"odps","category":"writer","name":"W","parameter":{}}]}'\n`;
    const { tasks, problems } = parseTaskFile(text, 'jobs/t.yaml');
    expect(problems).toEqual([]);
    expect(JSON.stringify(tasks[0]!.taskContent)).toContain('ds=$[yyyymmdd-1]');
  });

  test('each rule, with its message and place', () => {
    expect(lines(withLine(validTaskYaml, 'Cu: 2', 'Cu: 0.3'))).toEqual([
      'jobs/t.yaml:5:7: error: taskParam.Cu must be a positive multiple of 0.5, got 0.3',
    ]);
    expect(lines(withLine(validTaskYaml, 'type: job', 'type: jobs'))).toEqual(['jobs/t.yaml:7:9: error: taskContent.type must be "job", got "jobs" (did you mean "job"?)']);
    expect(lines(withLine(validTaskYaml, 'version: "2.0"', 'version: 2.0'))).toEqual([
      'jobs/t.yaml:8:12: error: taskContent.version must be the string "2.0" (quote it: version: "2.0"), got 2',
    ]);
    expect(lines(withLine(validTaskYaml, 'category: writer', 'category: reader'))).toEqual([
      'jobs/t.yaml:10:5: error: taskContent.steps must include a writer step (category: writer), found none',
    ]);
    expect(lines(withLine(validTaskYaml, 'to: Writer', 'to: Sink'))).toEqual([
      'jobs/t.yaml:22:31: error: taskContent.order.hops[0].to must name a step (Reader, Writer), got "Sink"',
    ]);
    expect(lines(withLine(validTaskYaml, 'concurrent: 2', 'concurrent: 1.5'))).toEqual([
      'jobs/t.yaml:20:25: error: taskContent.setting.speed.concurrent must be a positive integer, got 1.5',
    ]);
    expect(lines(withLine(validTaskYaml, '  ResourceGroup: S_res_group_XXX_XXXX\n', ''))).toEqual([
      'jobs/t.yaml:4:3: error: taskParam.ResourceGroup is missing: expected a non-empty string',
    ]);
    expect(lines(withLine(validTaskYaml, 'fileId:', 'fileID:'))).toEqual([
      'jobs/t.yaml:1:1: error: fileId is missing: expected a positive integer (or nodeId on a 2024-05-18 workspace), or name and folder for a task dwsync creates',
      'jobs/t.yaml:2:1: error: unknown key "fileID" (did you mean "fileId"?)',
    ]);
  });

  test('a problem in the second document is placed in it', () => {
    const second = withLine(withLine(validTaskYaml, 'fileId: 1000001', 'fileId: 1000002'), 'Cu: 2', 'Cu: 3.2');
    const result = parseTaskFile(`${validTaskYaml}---\n${second}`, 'jobs/t.yaml');
    expect(result.tasks.map((t) => t.key)).toEqual(['10000/1000001']);
    expect(result.problems.map(formatProblem)).toEqual(['jobs/t.yaml:28:7: error: taskParam.Cu must be a positive multiple of 0.5, got 3.2']);
  });

  test('a JSON syntax error is placed inside a block literal', () => {
    const text = 'projectId: 1\nfileId: 2\ntaskParam: {ResourceGroup: g}\ntaskContent: |\n  {"type": "job",\n     "steps": [}\n';
    expect(lines(text)).toEqual(['jobs/t.yaml:6:16: error: taskContent is not valid JSON: expected a value, found "}"']);
  });

  test('a JSON syntax error is placed inside a double-quoted string with escapes', () => {
    const text = 'projectId: 1\nfileId: 2\ntaskParam: {ResourceGroup: g}\ntaskContent: "{\\"a\\": \\"\\u00e9\\" x}"\n';
    // value: {"a": "é" x}  → the error is at the x, after escapes of different lengths
    expect(lines(text)).toEqual([`jobs/t.yaml:4:${text.split('\n')[3]!.indexOf(' x}') + 2}: error: taskContent is not valid JSON: expected ',' or '}', found "x"`]);
  });

  test('BOM and CRLF do not shift positions', () => {
    const text = '\ufeff' + withLine(validTaskYaml, 'Cu: 2', 'Cu: 0').replace(/\n/g, '\r\n');
    expect(lines(text)).toEqual(['jobs/t.yaml:5:7: error: taskParam.Cu must be a positive multiple of 0.5, got 0']);
  });

  test('an empty file and a file of comments are reported, a trailing separator is not', () => {
    const none = 'jobs/t.yaml:1:1: error: no task in file: expected a YAML mapping with projectId, fileId (or name and folder), taskParam and taskContent';
    expect(lines('')).toEqual([none]);
    expect(lines('# only a comment\n')).toEqual([none]);
    expect(lines(`${validTaskYaml}---\n`)).toEqual([]);
  });

  test('an alias bomb is stopped and reported at the first alias', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    expect(lines(bomb)).toEqual(['jobs/t.yaml:2:8: error: too many aliases: expanding them would exceed 100 nodes (an alias bomb?)']);
  });

  test('deep flow nesting is refused before the YAML parser sees it', () => {
    const text = `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    expect(lines(text)).toEqual(['jobs/t.yaml:1:204: error: nesting too deep: expected at most 200 levels of [ ] or { }']);
  });

  test('duplicate keys and tabs come from the YAML parser, located', () => {
    expect(lines('projectId: 1\nprojectId: 2\n')).toEqual(['jobs/t.yaml:2:1: error: duplicate key "projectId": a key may appear only once in a mapping']);
    expect(lines('taskParam:\n\tCu: 1\n')[0]).toBe('jobs/t.yaml:2:1: error: tab used for indentation: YAML allows only spaces');
  });
});

describe('secrets written in a task file', () => {
  it('warns, at its line, that DataWorks stores a hand-written password in clear', () => {
    const text = withLine(validTaskYaml, 'parameter: {datasource: mysql_pub,', 'parameter: {password: hunter2, datasource: mysql_pub,');
    const { tasks, problems, warnings } = parseTaskFile(text, 'jobs/t.yaml');
    expect(problems).toEqual([]);
    expect(tasks).toHaveLength(1);
    expect(warnings.map(formatWarning)).toEqual([
      'jobs/t.yaml:13:29: warning: password is written in the task file: DataWorks stores it in clear in the task\'s code; keep credentials in a DataWorks data source and name it with "datasource"',
    ]);
  });

  it('says nothing for a scheduling parameter or an empty value', () => {
    for (const value of ['"${db_password}"', '""']) {
      const text = withLine(validTaskYaml, 'parameter: {datasource: mysql_pub,', `parameter: {password: ${value}, datasource: mysql_pub,`);
      expect(parseTaskFile(text, 'jobs/t.yaml').warnings).toEqual([]);
    }
  });
});

describe('warnings on documents that also have problems', () => {
  it('still warns about a secret when the document fails for another reason', () => {
    let text = withLine(validTaskYaml, 'parameter: {datasource: mysql_pub,', 'parameter: {accessKey: LTAI5tXXXX, datasource: mysql_pub,');
    text = withLine(text, 'category: writer', 'category: wirter');
    const { tasks, problems, warnings } = parseTaskFile(text, 'jobs/t.yaml');
    expect(tasks).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(warnings.map(formatWarning)).toEqual([
      'jobs/t.yaml:13:30: warning: accessKey is written in the task file: DataWorks stores it in clear in the task\'s code; keep credentials in a DataWorks data source and name it with "datasource"',
    ]);
  });

  it('locates a secret inside a JSON-string taskContent at its own line', () => {
    const text = [
      'projectId: 10000',
      'fileId: 1000001',
      'taskParam: {ResourceGroup: S_res_group_XXX_XXXX}',
      'taskContent: |',
      '  {"type": "job", "version": "2.0", "steps": [',
      '    {"stepType": "oss", "category": "reader", "name": "Reader", "parameter": {"apiKey": "sk-123"}},',
      '    {"stepType": "stream", "category": "writer", "name": "Writer", "parameter": {}}]}',
      '',
    ].join('\n');
    const { problems, warnings } = parseTaskFile(text, 'jobs/t.yaml');
    expect(problems).toEqual([]);
    expect(warnings.map((w) => `${w.line}:${w.column} ${w.path}`)).toEqual(['6:89 taskContent.steps[0].parameter.apiKey']);
  });
});

describe('service-managed keys written in taskContent', () => {
  const withExtend = (extend: string) =>
    withLine(validTaskYaml, 'taskContent:\n  type: job', `taskContent:\n  extend: ${extend}\n  type: job`);

  it('says at its key that import will drop extend, and at the group that it disagrees with taskParam', () => {
    const { tasks, problems, warnings } = parseTaskFile(withExtend('{mode: code, resourceGroup: S_res_group_other, cu: 2}'), 'jobs/t.yaml');
    expect(problems).toEqual([]);
    expect(tasks).toHaveLength(1);
    expect(warnings.map(formatWarning)).toEqual([
      'jobs/t.yaml:7:3: warning: taskContent.extend is kept by DataWorks, not by the task file: dwsync sends it as written, but plans do not compare it and import leaves it out',
      'jobs/t.yaml:7:39: warning: taskContent.extend.resourceGroup is "S_res_group_other" but taskParam.ResourceGroup is "S_res_group_XXX_XXXX": dwsync sends taskParam.ResourceGroup as the task\'s setting; remove taskContent.extend.resourceGroup or make the two agree',
    ]);
  });

  it('does not warn about a group that agrees', () => {
    const { warnings } = parseTaskFile(withExtend('{resourceGroup: S_res_group_XXX_XXXX, cu: 2}'), 'jobs/t.yaml');
    expect(warnings.map((w) => w.path)).toEqual(['taskContent.extend']);
  });
});

describe('parseTaskFile, problems of a whole document', () => {
  const problemsOf = (text: string) => parseTaskFile(text, 'jobs/t.yaml').problems;

  test('a byte order mark at the start is not part of the task', () => {
    const { tasks, problems } = parseTaskFile(`\uFEFF${validTaskYaml}`, 'jobs/t.yaml');
    expect(problems).toEqual([]);
    expect(tasks[0]).toMatchObject({ key: '10000/1000001', line: 1, column: 1 });
  });

  test('a file of empty documents has no task, and says so at its start', () => {
    expect(lines('---\n---\n~\n')).toEqual([
      'jobs/t.yaml:1:1: error: no task in file: expected a YAML mapping with projectId, fileId (or name and folder), taskParam and taskContent',
    ]);
  });

  test('an empty document beside a task is skipped', () => {
    expect(parseTaskFile(`---\n${validTaskYaml}---\n`, 'jobs/t.yaml').tasks).toHaveLength(1);
  });

  test('a document that is a single value or a list is not a task, and says what it got', () => {
    expect(lines('hello\n')).toEqual(['jobs/t.yaml:1:1: error: a task document must be a mapping of projectId, fileId, taskParam and taskContent, got a single value ("hello")']);
    expect(lines('- a\n')[0]).toMatch(/got a list$/);
  });

  test('an unknown alias is named, with the anchor it expects', () => {
    expect(lines(`${validTaskYaml}extra: *nowhere\n`).join('\n')).toMatch(/unknown alias \*nowhere: expected an anchor &nowhere defined before it/);
  });

  test('a problem of the file or of its YAML has no task path', () => {
    for (const text of ['hello\n', '---\n', 'a: [\n', 'a: 1\na: 2\n']) {
      const problems = problemsOf(text);
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) expect(problem.path).toBe('');
    }
  });

  test('a file with YAML errors gives no task', () => {
    expect(parseTaskFile(`${validTaskYaml}bad: [\n`, 'jobs/t.yaml').tasks).toEqual([]);
  });
});

describe('parseTaskFile, YAML problems per document', () => {
  test('gives at most three of a document\'s YAML errors', () => {
    expect(lines('a: 1\na: 2\na: 3\na: 4\na: 5\n')).toEqual([
      'jobs/t.yaml:2:1: error: duplicate key "a": a key may appear only once in a mapping',
      'jobs/t.yaml:3:1: error: duplicate key "a": a key may appear only once in a mapping',
      'jobs/t.yaml:4:1: error: duplicate key "a": a key may appear only once in a mapping',
    ]);
  });

  test('a document with YAML errors counts as a document: no "no task" besides its errors, before or after a valid one', () => {
    for (const text of [`a: 1\na: 2\n---\n${validTaskYaml}`, `${validTaskYaml}---\na: 1\na: 2\n`]) {
      const found = lines(text);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/duplicate key "a"/);
    }
  });

  test('a YAML warning is a problem of its document too', () => {
    const problems = parseTaskFile(withLine(validTaskYaml, 'Cu: 2', 'Cu: !unknown 2'), 'jobs/t.yaml');
    expect(problems.tasks).toEqual([]);
    expect(problems.problems.map(formatProblem)).toEqual([expect.stringMatching(/^jobs\/t\.yaml:5:7: error: /) as string]);
  });
});

describe('parseTaskFile, how it shows what it got', () => {
  test('shows at most the first 40 characters of a single value', () => {
    expect(lines(`${'x'.repeat(100)}\n`)).toEqual([
      `jobs/t.yaml:1:1: error: a task document must be a mapping of projectId, fileId, taskParam and taskContent, got a single value ("${'x'.repeat(39)})`,
    ]);
  });

  test('points an unknown alias at the alias', () => {
    expect(lines(`${validTaskYaml}extra: *nowhere\n`)).toEqual(['jobs/t.yaml:23:8: error: unknown alias *nowhere: expected an anchor &nowhere defined before it']);
  });

  test('gives warnings in the order of their place in the file', () => {
    const text = `projectId: 10000\nfileId: 1000001\ntaskContent:\n  password: p1\ntaskParam:\n  ResourceGroup: g\n  secretKey: p2\n`;
    const warnings = parseTaskFile(text, 'jobs/t.yaml').warnings.map((w) => w.line);
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(warnings).toEqual([...warnings].sort((a, b) => a - b));
  });
});

describe('parseTaskFile, one problem per place, and the paths it gives', () => {
  test('a value that is both not JSON and of the wrong kind is one problem', () => {
    expect(lines(withLine(validTaskYaml, 'Cu: 2', 'Cu: .inf'))).toEqual(['jobs/t.yaml:5:7: error: taskParam.Cu must be a positive multiple of 0.5, got .inf']);
  });

  test('an unknown key and its value are two places: the key and the value', () => {
    const { problems } = parseTaskFile(withLine(validTaskYaml, 'Cu: 2', 'Cu: 2\n  x: .inf'), 'jobs/t.yaml');
    expect(problems.map((p) => [formatProblem(p), p.path])).toEqual([
      ['jobs/t.yaml:6:3: error: unknown key "x" in taskParam; allowed keys: ResourceGroup, Cu', 'taskParam.x'],
      ['jobs/t.yaml:6:6: error: taskParam.x must be a finite number, got .inf', 'taskParam.x'],
    ]);
  });

  test('a secret in taskParam is warned about at its path', () => {
    const { warnings } = parseTaskFile(withLine(validTaskYaml, 'Cu: 2', 'Cu: 2\n  password: p'), 'jobs/t.yaml');
    expect(warnings.map((w) => w.path)).toEqual(['taskParam.password']);
  });

  test('a JSON syntax error in taskContent has the path taskContent, and a comment is named as such', () => {
    const text = 'projectId: 1\nfileId: 2\ntaskParam: {ResourceGroup: g}\ntaskContent: |\n  {"type": "job" // c\n  }\n';
    const { problems } = parseTaskFile(text, 'jobs/t.yaml');
    expect(problems.map((p) => [formatProblem(p), p.path])).toEqual([
      [
        'jobs/t.yaml:5:18: error: taskContent is not valid JSON: found a comment (//): DataWorks does not accept comments in the job JSON; remove it, and any other comment in taskContent',
        'taskContent',
      ],
    ]);
  });

  test('deep nesting gives no task and a problem without a path', () => {
    const { tasks, problems } = parseTaskFile(`a: ${'['.repeat(201)}`, 'jobs/t.yaml');
    expect(tasks).toEqual([]);
    expect(problems.map((p) => p.path)).toEqual(['']);
  });

  test('alias problems have no path', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    for (const text of [bomb, `${validTaskYaml}extra: *nowhere\n`]) {
      expect(parseTaskFile(text, 'jobs/t.yaml').problems.map((p) => p.path)).toEqual(['']);
    }
  });

  test('quotes the YAML parser in one line, without its own excerpt of the file', () => {
    expect(lines('a: "b\n')).toEqual(['jobs/t.yaml:2:1: error: invalid YAML: missing closing "quote']);
  });

  test('a document of only a comment after a task is skipped', () => {
    expect(parseTaskFile(`${validTaskYaml}---\n# nothing here\n`, 'jobs/t.yaml')).toMatchObject({ problems: [] });
    expect(parseTaskFile(`${validTaskYaml}---\n# nothing here\n`, 'jobs/t.yaml').tasks).toHaveLength(1);
  });
});
