import { z } from 'zod';
import { defineOperation, envelope, field } from './define-operation.js';

// A workspace's data sources, paged (PageSize default 10, at most 100). The only GET of the set: every
// parameter is in the query string.
export const LIST_DATA_SOURCES_MAX_PAGE_SIZE = 100;

export const ListDataSources = defineOperation({
  name: 'ListDataSources',
  version: '2020-05-18',
  method: 'GET',
  params: {
    DataSourceType: { in: 'query', type: 'string', required: false },
    EnvType: { in: 'query', type: 'integer', required: false },
    Name: { in: 'query', type: 'string', required: false },
    PageNumber: { in: 'query', type: 'integer', required: false },
    PageSize: { in: 'query', type: 'integer', required: false },
    ProjectId: { in: 'query', type: 'integer', required: true },
    Status: { in: 'query', type: 'string', required: false },
    SubType: { in: 'query', type: 'string', required: false },
  },
  response: z.object({
    ...envelope,
    HttpStatusCode: field.integer(),
    Data: field.object({
      DataSources: field.list(
        z.object({
          BindingCalcEngineId: field.integer(),
          ConnectStatus: field.integer(),
          Content: field.string(),
          DataSourceType: field.string(),
          DefaultEngine: field.boolean(),
          Description: field.string(),
          EnvType: field.integer(),
          GmtCreate: field.string(),
          GmtModified: field.string(),
          Id: field.integer(),
          Name: field.string(),
          Operator: field.string(),
          ProjectId: field.integer(),
          Sequence: field.integer(),
          Shared: field.boolean(),
          Status: field.integer(),
          SubType: field.string(),
          TenantId: field.integer(),
        }),
      ),
      PageNumber: field.integer(),
      PageSize: field.integer(),
      TotalCount: field.integer(),
    }),
  }),
});
