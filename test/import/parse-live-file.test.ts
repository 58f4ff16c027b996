import { describe, expect, it } from 'vitest';

import type { LiveFile } from '../../src/dataworks/data-works.js';
import { isInFolder } from '../../src/import/list-live-files.js';
import { parseLiveFile } from '../../src/import/parse-live-file.js';
import { findSecrets } from '../../src/import/render-imported-task.js';

const live = (overrides: Partial<LiveFile> = {}): LiveFile => ({
  fileId: 7,
  fileName: 'n',
  fileFolderPath: 'Business Flow/ods/Data Integration',
  fileType: 23,
  content: '{"type":"job","version":"2.0","steps":[]}',
  resourceGroup: 'S_res_group_1',
  ...overrides,
});

describe('parseLiveFile', () => {
  it('keeps the content in DataWorks key order and takes the resource group', () => {
    const parsed = parseLiveFile(10000, live({ content: '{"version":"2.0","type":"job","z":1,"a":2}' }));
    expect(parsed).toEqual({ ok: true, document: { projectId: 10000, fileId: 7, taskParam: { ResourceGroup: 'S_res_group_1' }, taskContent: { version: '2.0', type: 'job', z: 1, a: 2 } } });
    expect(Object.keys(parsed.ok ? parsed.document.taskContent : {})).toEqual(['version', 'type', 'z', 'a']);
  });

  it.each([
    [{ resourceGroup: null }, 'ResourceGroupUnknown'],
    [{ content: '' }, 'InvalidTaskContent'],
    [{ content: '{"type":' }, 'InvalidTaskContent'],
    [{ content: '[1]' }, 'InvalidTaskContent'],
    [{ fileType: 10 }, 'NotBatchSyncTask'],
  ] as const)('refuses %j with %s', (overrides, code) => {
    const parsed = parseLiveFile(10000, live(overrides));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? null : parsed.error.code).toBe(code);
  });
});

describe('isInFolder', () => {
  it('matches whole path segments', () => {
    expect(isInFolder('Business Flow/ods/Data Integration', 'Business Flow/ods')).toBe(true);
    expect(isInFolder('Business Flow/ods/Data Integration', '/Business Flow/ods/')).toBe(true);
    expect(isInFolder('Business Flow/ods2/Data Integration', 'Business Flow/ods')).toBe(false);
    expect(isInFolder('anything', '')).toBe(true);
  });
});

describe('findSecrets', () => {
  it('finds non-empty values under secret-looking keys', () => {
    expect(findSecrets({ steps: [{ parameter: { password: 'x', token: '', accessKey: null, user: 'u' } }] })).toEqual(['steps[0].parameter.password']);
  });
});
