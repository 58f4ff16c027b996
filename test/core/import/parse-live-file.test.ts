import { describe, expect, it } from 'vitest';

import type { LiveFile } from '../../../src/ports.js';
import { isInFolder } from '../../../src/remote/list-live-files.js';
import { parseLiveFile } from '../../../src/core/import/parse-live-file.js';
import { findSecrets } from '../../../src/core/import/render-imported-task.js';

const live = (overrides: Partial<LiveFile> = {}): LiveFile => ({
  fileId: 7,
  fileName: 'n',
  fileType: 23,
  content: '{"type":"job","version":"2.0","steps":[],"extend":{"mode":"wizard","resourceGroup":"S_res_group_1"}}',
  ...overrides,
});

describe('parseLiveFile', () => {
  it('keeps the content in DataWorks key order, without the service-managed keys, and takes the group from extend.resourceGroup', () => {
    const parsed = parseLiveFile(10000, live({ content: '{"version":"2.0","type":"job","z":1,"extend":{"resourceGroup":"S_g","cu":2},"a":2}' }), 'S_default');
    expect(parsed).toEqual({
      ok: true,
      groupSource: 'content',
      document: { projectId: 10000, fileId: 7, taskParam: { ResourceGroup: 'S_g', Cu: 2 }, taskContent: { version: '2.0', type: 'job', z: 1, a: 2 } },
    });
    expect(Object.keys(parsed.ok ? parsed.document.taskContent : {})).toEqual(['version', 'type', 'z', 'a']);
  });

  it('falls back to the workspace default group and says so', () => {
    const parsed = parseLiveFile(10000, live({ content: '{"type":"job"}' }), 'S_default');
    expect(parsed).toMatchObject({ ok: true, groupSource: 'workspace-default', document: { taskParam: { ResourceGroup: 'S_default' } } });
  });

  it.each([
    [{ content: '{"type":"job"}' }, 'ResourceGroupUnknown'],
    [{ content: '' }, 'InvalidTaskContent'],
    [{ content: '{"type":' }, 'InvalidTaskContent'],
    [{ content: '[1]' }, 'InvalidTaskContent'],
    [{ fileType: 10 }, 'NotBatchSyncTask'],
  ] as const)('refuses %j with %s when the workspace has no default group', (overrides, code) => {
    const parsed = parseLiveFile(10000, live(overrides), null);
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

describe('parseLiveFile, what it says and keeps', () => {
  const errorOf = (overrides: Partial<LiveFile>, group: string | null = null) => {
    const parsed = parseLiveFile(10000, live(overrides), group);
    return parsed.ok ? null : parsed.error;
  };

  it('names the file and what was wrong', () => {
    expect(errorOf({ fileType: 10 })).toEqual({ code: 'NotBatchSyncTask', message: 'file 7 is not a batch sync task: expected FileType 23, got 10' });
    expect(errorOf({ content: ' \n' })).toEqual({ code: 'InvalidTaskContent', message: 'file 7 has empty content: expected the job JSON of the code editor' });
    expect(errorOf({ content: '[1]' })).toEqual({ code: 'InvalidTaskContent', message: 'file 7 has content that is not a JSON object: expected the job JSON of the code editor' });
    expect(errorOf({ content: '{"type":"job"}' })).toEqual({
      code: 'ResourceGroupUnknown',
      message:
        'file 7 names no Data Integration resource group (no extend.resourceGroup in its content) and the workspace has no default ' +
        '(GetProject DefaultDiResourceGroupIdentifier); write its task file by hand with taskParam.ResourceGroup set',
    });
  });

  it('quotes the parser on content that is not JSON', () => {
    expect(errorOf({ content: '{"type":' })?.message).toMatch(/^file 7 has content that is not JSON \(.+\): expected the job JSON of the code editor$/);
  });

  it('writes no CU when the content keeps none', () => {
    const parsed = parseLiveFile(10000, live());
    expect(parsed.ok && parsed.document.taskParam).toEqual({ ResourceGroup: 'S_res_group_1' });
  });

  it('keeps the schedule GetFile shows, and writes none when it shows none', () => {
    const scheduled = parseLiveFile(10000, live({ schedule: { cron: '00 00 01 * * ?' } }));
    expect(scheduled.ok && scheduled.document.schedule).toEqual({ cron: '00 00 01 * * ?' });
    for (const schedule of [undefined, {}]) {
      const parsed = parseLiveFile(10000, live(schedule === undefined ? {} : { schedule }));
      expect(parsed.ok && 'schedule' in parsed.document).toBe(false);
    }
  });
});
