import { describe, expect, it } from 'vitest';
import { findManagedContentWarnings } from '../../../src/core/task/find-managed-content-warnings.js';
import { SERVICE_MANAGED_CONTENT_KEYS } from '../../../src/core/task/service-managed-content.js';

describe('findManagedContentWarnings', () => {
  it('names every service-managed key the content carries, at its key', () => {
    const content = Object.fromEntries([...SERVICE_MANAGED_CONTENT_KEYS, 'steps'].map((k) => [k, {}]));
    const warnings = findManagedContentWarnings(content, { ResourceGroup: 'g' });
    expect(warnings.map((w) => [w.path.join('.'), w.at])).toEqual(SERVICE_MANAGED_CONTENT_KEYS.map((k) => [`taskContent.${k}`, 'key']));
  });

  it('says where extend.resourceGroup or extend.cu disagrees with taskParam', () => {
    const warnings = findManagedContentWarnings({ extend: { resourceGroup: 'a', cu: 4 } }, { ResourceGroup: 'b', Cu: 2 });
    expect(warnings.slice(1).map((w) => w.path.join('.'))).toEqual(['taskContent.extend.resourceGroup', 'taskContent.extend.cu']);
    expect(warnings[2]?.message).toContain('is 4 but taskParam.Cu is 2');
  });

  it('is quiet about a content without service keys, and about a Cu the task file leaves out', () => {
    expect(findManagedContentWarnings({ type: 'job', steps: [] }, { ResourceGroup: 'b' })).toEqual([]);
    expect(findManagedContentWarnings({ extend: { resourceGroup: 'b', cu: 2 } }, { ResourceGroup: 'b' })).toHaveLength(1);
    expect(findManagedContentWarnings('{}', {})).toEqual([]);
  });
});
