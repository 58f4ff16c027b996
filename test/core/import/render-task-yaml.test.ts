import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { parseTaskFile } from '../../../src/core/task/parse-task-file.js';
import type { JsonObject } from '../../../src/core/text/json.js';
import { renderTaskYaml } from '../../../src/core/import/render-task-yaml.js';
import type { RenderOptions } from '../../../src/core/import/render-task-yaml.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/render');
const options: RenderOptions = {
  schemaPath: '../dwsync-task.schema.json',
  source: { projectId: 10000, fileId: 1000001, fileName: 'u_pk', folderPath: 'Business Flow/ods/Data Integration', importedAt: '2024-05-01T08:00:00.000Z' },
};

function keysInOrder(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysInOrder(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysInOrder(v, out);
    }
  }
  return out;
}

describe('renderTaskYaml', async () => {
  const cases = (await readdir(FIXTURES)).sort();

  it.each(cases)('%s: renders the expected file, which loads back to the same values', async (name) => {
    const text = await readFile(path.join(FIXTURES, name, 'content.json'), 'utf8');
    const content = JSON.parse(text) as JsonObject;
    const rendered = renderTaskYaml({ projectId: 10000, fileId: 1000001, taskParam: { ResourceGroup: 'S_res_group_1' }, taskContent: content }, options);
    const expectedPath = path.join(FIXTURES, name, 'expected.yaml');
    if (process.env.UPDATE_FIXTURES) await writeFile(expectedPath, rendered);
    expect(rendered).toBe(await readFile(expectedPath, 'utf8'));

    // DataWorks' key order, at every depth, and exactly its values.
    const loaded = parse(rendered) as { taskContent: JsonObject };
    expect(loaded.taskContent).toEqual(content);
    expect(keysInOrder(loaded.taskContent)).toEqual(keysInOrder(JSON.parse(text)));
    const parsed = parseTaskFile(rendered, 'jobs/ods/u_pk.yaml');
    expect(parsed.problems).toEqual([]);
    expect(parsed.tasks[0]!.taskContent).toEqual(content);
  });

  it('starts with the schema line, then says where and when the task came from', () => {
    const rendered = renderTaskYaml({ projectId: 1, fileId: 2, taskParam: { ResourceGroup: 'g' }, taskContent: { type: 'job' } }, options);
    expect(rendered.split('\n').slice(0, 3)).toEqual([
      '# yaml-language-server: $schema=../dwsync-task.schema.json',
      '# Imported by dwsync from DataWorks project 10000, file 1000001: Business Flow/ods/Data Integration/u_pk',
      '# at 2024-05-01T08:00:00.000Z. From now on this file is the source of truth: edit it here, not in the console.',
    ]);
  });

  it('keeps scheduling parameters literal, quoting them only where YAML needs it', () => {
    const content = { a: 'pt=${bizdate}', b: '${bizdate}', c: '$[yyyymmdd-1]', d: ['pt=${bizdate}'], e: '{bizdate}' };
    const rendered = renderTaskYaml({ projectId: 1, fileId: 2, taskParam: { ResourceGroup: 'g' }, taskContent: content }, options);
    expect(rendered).toContain('  a: pt=${bizdate}\n');
    expect(rendered).toContain('  b: ${bizdate}\n');
    expect(rendered).toContain('  c: $[yyyymmdd-1]\n');
    expect(rendered).toContain('  d: ["pt=${bizdate}"]\n'); // braces are flow indicators inside [ ]
    expect(rendered).toContain('  e: "{bizdate}"\n');
    expect((parse(rendered) as { taskContent: unknown }).taskContent).toEqual(content);
  });

  it('cannot be broken out of its header comment by a file name with a line break', () => {
    const source = { ...options.source, fileName: 'x\nprojectId: 666' };
    const rendered = renderTaskYaml({ projectId: 1, fileId: 2, taskParam: { ResourceGroup: 'g' }, taskContent: { type: 'job' } }, { ...options, source });
    expect((parse(rendered) as { projectId: number }).projectId).toBe(1);
  });
});

describe('renderTaskYaml, a node, a schedule and the header', () => {
  const doc = { projectId: 20000, taskParam: { ResourceGroup: 'g' }, taskContent: { type: 'job' } };

  it('names a node by its nodeId, quoted, and says so in the header', () => {
    const source = { projectId: 20000, nodeId: '7000000000000000101', fileName: 'n', folderPath: '', importedAt: '2024-05-01T08:00:00.000Z' };
    const rendered = renderTaskYaml({ ...doc, nodeId: '7000000000000000101' }, { ...options, source });
    expect(rendered).toContain('\nprojectId: 20000\nnodeId: "7000000000000000101"\ntaskParam:');
    expect(rendered).not.toContain('fileId');
    expect(rendered.split('\n')[1]).toBe('# Imported by dwsync from DataWorks project 20000, node 7000000000000000101: n');
  });

  it('writes the schedule after the task content', () => {
    const rendered = renderTaskYaml({ ...doc, fileId: 2, schedule: { cron: '00 00 01 * * ?' } }, options);
    expect(rendered.endsWith('taskContent:\n  type: job\nschedule:\n  cron: 00 00 01 * * ?\n')).toBe(true);
  });

  it('puts each run of line breaks in a file name as one space', () => {
    const source = { ...options.source, folderPath: 'f', fileName: 'a\r\nb\u2028c' };
    expect(renderTaskYaml({ ...doc, fileId: 2 }, { ...options, source }).split('\n')[1]).toMatch(/: f\/a b c$/);
  });
});

describe('renderTaskYaml, lists', () => {
  const render = (content: JsonObject) => renderTaskYaml({ projectId: 1, fileId: 2, taskParam: { ResourceGroup: 'g' }, taskContent: content }, options);

  it('writes a list of scalars up to 72 characters of JSON on one line, a longer one as a block', () => {
    const of = (n: number) => ['x'.repeat(n)]; // ["xx…"]: n + 4 characters of JSON
    expect(render({ a: of(68) })).toContain(`  a: [${'x'.repeat(68)}]\n`);
    expect(render({ a: of(69) })).toContain(`  a:\n    - ${'x'.repeat(69)}\n`);
  });

  it('writes a list holding a mapping or a multi-line string as a block', () => {
    expect(render({ a: ['x', { b: 1 }] })).toContain('  a:\n    - x\n    - b: 1\n');
    expect(render({ a: ['x', 'y\nz'] })).toContain('  a:\n    - x\n    - |-\n');
  });
});
