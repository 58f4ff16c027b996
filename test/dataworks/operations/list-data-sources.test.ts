import { describe, expect, it } from 'vitest';
import { LIST_DATA_SOURCES_MAX_PAGE_SIZE, ListDataSources } from '../../../src/dataworks/operations/list-data-sources.js';
import { paramPlaces } from './param-places.js';

describe('ListDataSources', () => {
  it('is the one GET: every parameter in the query; ProjectId required; pages of at most 100', () => {
    expect(paramPlaces(ListDataSources)).toEqual({
      method: 'GET',
      query: ['DataSourceType', 'EnvType', 'Name', 'PageNumber', 'PageSize', 'ProjectId', 'Status', 'SubType'],
      body: [],
      required: ['ProjectId'],
    });
    expect(LIST_DATA_SOURCES_MAX_PAGE_SIZE).toBe(100);
  });

  it('answers each data source\'s Name, DataSourceType and EnvType, and TotalCount', () => {
    const body = { RequestId: 'r', Data: { TotalCount: 1, PageNumber: 1, PageSize: 100, DataSources: [{ Name: 'mysql_pub', DataSourceType: 'mysql', EnvType: 1 }] } };
    expect(ListDataSources.response.parse(body)).toEqual(body);
    expect(ListDataSources.response.safeParse({ Data: { TotalCount: '1' } }).success).toBe(false);
  });
});
