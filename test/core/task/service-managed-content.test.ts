import { describe, expect, it } from 'vitest';
import { parseContentTaskParam, SERVICE_MANAGED_CONTENT_KEYS, splitContent } from '../../../src/core/task/service-managed-content.js';

describe('splitContent', () => {
  it("splits the service's keys from the author's, keeping the order of each", () => {
    const content = { gui: 1, type: 'job', extend: { cu: 1 }, steps: [], transform: false, displayName: 'x', nodeDef: null, version: '2.0' };
    expect(splitContent(content)).toEqual({
      author: { type: 'job', steps: [], version: '2.0' },
      managed: { gui: 1, extend: { cu: 1 }, transform: false, displayName: 'x', nodeDef: null },
    });
    expect(Object.keys(splitContent(content).managed)).toEqual(['gui', 'extend', 'transform', 'displayName', 'nodeDef']);
  });

  it('names exactly the five keys the service manages', () => {
    expect(SERVICE_MANAGED_CONTENT_KEYS).toEqual(['extend', 'transform', 'gui', 'displayName', 'nodeDef']);
  });

  it("leaves nested keys of those names to the author", () => {
    const content = { steps: [{ extend: 1 }] };
    expect(splitContent(content)).toEqual({ author: content, managed: {} });
  });

  it("gives content that is not an object to the author whole", () => {
    expect(splitContent([1])).toEqual({ author: [1], managed: {} });
    expect(splitContent(null)).toEqual({ author: null, managed: {} });
    expect(splitContent('x')).toEqual({ author: 'x', managed: {} });
  });
});

describe('parseContentTaskParam', () => {
  it('reads extend.resourceGroup and extend.cu', () => {
    expect(parseContentTaskParam({ extend: { resourceGroup: 'S_res_group_x', cu: 0.5 } })).toEqual({ resourceGroup: 'S_res_group_x', cu: 0.5 });
  });

  it('gives null for a blank group and for a cu that is not a positive finite number', () => {
    expect(parseContentTaskParam({ extend: { resourceGroup: '  ', cu: 0 } })).toEqual({ resourceGroup: null, cu: null });
    expect(parseContentTaskParam({ extend: { resourceGroup: 7, cu: '2' } })).toEqual({ resourceGroup: null, cu: null });
    expect(parseContentTaskParam({ extend: { cu: -1 } })).toEqual({ resourceGroup: null, cu: null });
  });

  it('gives nulls when there is no extend mapping', () => {
    expect(parseContentTaskParam({ type: 'job' })).toEqual({ resourceGroup: null, cu: null });
    expect(parseContentTaskParam({ extend: [] })).toEqual({ resourceGroup: null, cu: null });
    expect(parseContentTaskParam('x')).toEqual({ resourceGroup: null, cu: null });
  });
});
