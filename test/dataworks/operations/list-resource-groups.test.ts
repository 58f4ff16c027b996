import { describe, expect, it } from 'vitest';
import { DI_RESOURCE_GROUP_TYPE, ListResourceGroups } from '../../../src/dataworks/operations/list-resource-groups.js';
import { paramPlaces } from './param-places.js';

describe('ListResourceGroups', () => {
  it('is a POST with every parameter in the query, none required; type 4 is Data Integration; Tags is a list', () => {
    expect(paramPlaces(ListResourceGroups)).toEqual({
      method: 'POST',
      query: ['BizExtKey', 'Keyword', 'ResourceGroupType', 'ResourceManagerResourceGroupId', 'Tags'],
      body: [],
      required: [],
    });
    expect(DI_RESOURCE_GROUP_TYPE).toBe(4);
    expect(ListResourceGroups.params.Tags.type).toBe('array');
  });

  it('answers a list under Data, not paged, with ResourceGroupType as text', () => {
    const body = { RequestId: 'r', Data: [{ Identifier: 'S_g', Name: 'g', ResourceGroupType: '4', IsDefault: true }] };
    expect(ListResourceGroups.response.parse(body)).toEqual(body);
    expect(ListResourceGroups.response.safeParse({ Data: [{ ResourceGroupType: 4 }] }).success).toBe(false);
    expect(ListResourceGroups.response.safeParse({ Data: { Groups: [] } }).success).toBe(false);
  });
});
