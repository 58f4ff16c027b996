import { describe, expect, it } from 'vitest';
import { describeContent } from '../../../src/core/doctor/describe-content.js';

const file = { fileId: 1000001, fileName: 'u_pk', folderPath: 'Business Flow/ods' };
const content = JSON.stringify({
  type: 'job',
  version: '2.0',
  steps: [{ parameter: { password: 'hunter2' } }],
  extend: { mode: 'wizard', resourceGroup: 'S_res_group_from_content', cu: 2 },
  displayName: 'u_pk',
});

describe('describeContent', () => {
  it('names the keys, never the values, and takes the group from Content first', () => {
    expect(describeContent({ ...file, content }, 'S_res_group_default')).toEqual({
      ...file,
      authorKeys: ['type', 'version', 'steps'],
      serviceManagedKeys: ['extend', 'displayName'],
      extendKeys: ['mode', 'resourceGroup', 'cu'],
      diResourceGroup: { value: 'S_res_group_from_content', foundIn: 'Content.extend.resourceGroup' },
    });
  });

  it("falls back to the workspace's default group, then to nowhere", () => {
    const withoutGroup = JSON.stringify({ type: 'job', extend: { resourceGroup: ' ' } });
    expect(describeContent({ ...file, content: withoutGroup }, 'S_res_group_default').diResourceGroup).toEqual({
      value: 'S_res_group_default',
      foundIn: 'GetProject.DefaultDiResourceGroupIdentifier',
    });
    expect(describeContent({ ...file, content: withoutGroup }, null).diResourceGroup).toEqual({ value: null, foundIn: 'nowhere' });
  });

  it('describes content that is not JSON, or not an object, as holding no keys', () => {
    for (const bad of ['{not json', '[1, 2]', '"text"', '']) {
      expect(describeContent({ ...file, folderPath: null, content: bad }, null)).toEqual({
        ...file,
        folderPath: null,
        authorKeys: [],
        serviceManagedKeys: [],
        extendKeys: [],
        diResourceGroup: { value: null, foundIn: 'nowhere' },
      });
    }
  });

  it('gives no extend keys when extend is not a mapping', () => {
    const report = describeContent({ ...file, content: JSON.stringify({ type: 'job', extend: 'x' }) }, null);
    expect(report.serviceManagedKeys).toEqual(['extend']);
    expect(report.extendKeys).toEqual([]);
  });
});
