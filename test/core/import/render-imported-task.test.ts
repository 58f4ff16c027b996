import { describe, expect, it } from 'vitest';
import { findSecrets, renderImportedTask } from '../../../src/core/import/render-imported-task.js';
import type { ImportedDocument } from '../../../src/core/import/parse-live-file.js';
import { renderTaskYaml, type RenderOptions } from '../../../src/core/import/render-task-yaml.js';
import type { JsonValue } from '../../../src/core/text/json.js';
import { buildTask } from '../../support/build-task.js';

const options: RenderOptions = {
  schemaPath: '../dwsync-task.schema.json',
  source: { projectId: 10000, fileId: 1000001, fileName: 'u_pk', folderPath: 'Business Flow/ods', importedAt: '2024-05-01T08:00:00.000Z' },
};
const FILE = 'jobs/ods/u_pk.yaml';

function aDocument(overrides: Partial<ImportedDocument> = {}): ImportedDocument {
  const { taskParam, taskContent } = buildTask();
  return { projectId: 10000, fileId: 1000001, taskParam, taskContent, ...overrides };
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('renderImportedTask', () => {
  it('returns the rendered text and the task a plan will load from it', () => {
    const document = aDocument();
    const rendered = renderImportedTask(document, FILE, options);
    if (!rendered.ok) throw new Error(rendered.error.message);
    expect(rendered.text).toBe(renderTaskYaml(document, options));
    expect(rendered.task).toMatchObject({ key: '10000/1000001', projectId: 10000, fileId: 1000001, file: FILE, taskParam: document.taskParam });
    expect(rendered.task.taskContent).toEqual(document.taskContent);
  });

  it('warns once per secret written in clear, naming the file', () => {
    const rendered = renderImportedTask(aDocument(), FILE, options);
    expect(rendered.ok && rendered.warnings).toEqual([
      'taskContent.steps[0].parameter.password holds a secret, written to jobs/ods/u_pk.yaml as DataWorks returned it: move it into a data source before committing',
    ]);
  });

  it("refuses a task that does not validate, with the parser's located messages, and keeps the text", () => {
    const { steps } = buildTask().taskContent as { steps: JsonValue[] };
    const document = aDocument({ taskContent: { type: 'job', version: '2.0', steps: [steps[0]!] } });
    const rendered = renderImportedTask(document, FILE, options);
    expect(rendered.ok).toBe(false);
    if (rendered.ok) return;
    expect(rendered.text).toBe(renderTaskYaml(document, options));
    // At the list of steps, which starts on the line after `steps:`, at its dash.
    const line = lineOf(rendered.text!, 'steps:') + 1;
    expect(rendered.text!.split('\n')[line - 1]).toMatch(/^ {4}- stepType: mysql$/);
    expect(rendered.error).toEqual({
      code: 'InvalidTask',
      message:
        'the task as DataWorks holds it does not validate: ' +
        `${FILE}:${line}:5: error: taskContent.steps must include a writer step (category: writer), found none`,
    });
  });

  it('shows the first five problems and counts the rest', () => {
    const taskParam = { ResourceGroup: 'S_res_group_1_1', a1: 1, a2: 1, a3: 1, a4: 1, a5: 1, a6: 1, a7: 1 };
    const rendered = renderImportedTask(aDocument({ taskParam }), FILE, options);
    expect(rendered.ok).toBe(false);
    if (rendered.ok) return;
    const unknown = (key: string, column = 3) => `${FILE}:${lineOf(rendered.text!, `${key}:`)}:${column}: error: unknown key "${key}" in taskParam; allowed keys: ResourceGroup, Cu`;
    expect(rendered.error.message).toBe(
      `the task as DataWorks holds it does not validate: ${['a1', 'a2', 'a3', 'a4', 'a5'].map((key) => unknown(key)).join('; ')} (and 2 more)`,
    );
  });
});

describe('findSecrets', () => {
  it('gives the path of every non-empty value under a secret-looking key', () => {
    expect(findSecrets({ steps: [{ parameter: { password: 'x', accessKey: { id: 'a' } } }, { token: 0 }] })).toEqual([
      'steps[0].parameter.password',
      'steps[0].parameter.accessKey',
      'steps[1].token',
    ]);
  });

  it('skips empty and null secrets, and values under other keys', () => {
    expect(findSecrets({ password: '', token: null, user: 'root', list: ['password'] })).toEqual([]);
  });

  it('starts from the path given', () => {
    expect(findSecrets([{ pwd: 'x' }], ['taskContent'])).toEqual(['taskContent[0].pwd']);
  });
});

describe('renderImportedTask, five problems', () => {
  it('shows five problems without counting more', () => {
    const taskParam = { ResourceGroup: 'S_res_group_1_1', a1: 1, a2: 1, a3: 1, a4: 1, a5: 1 };
    const rendered = renderImportedTask(aDocument({ taskParam }), FILE, options);
    expect(rendered.ok ? null : rendered.error.message).toMatch(/unknown key "a5" in taskParam; allowed keys: ResourceGroup, Cu$/);
  });
});

describe('renderImportedTask, a document the file cannot carry', () => {
  it('refuses a value that is not JSON (only a bug would pass one) as a render mismatch, and keeps no text', () => {
    const { taskContent } = aDocument();
    const rendered = renderImportedTask(aDocument({ taskContent: { ...taskContent, when: new Map([['a', 1]]) } as never }), FILE, options);
    expect(rendered).toEqual({
      ok: false,
      text: null,
      error: { code: 'RenderMismatch', message: 'the rendered task file does not load back to the content DataWorks returned (a dwsync bug; please report it)' },
    });
  });
});
