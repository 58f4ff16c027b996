import { z } from 'zod';
import { defineOperation, field } from './define-operation.js';

// 2024-05-18 ListDataSources (the 2020-05-18 one is list-data-sources.ts): paged, the data sources
// grouped by name, each group with its Type and one DataSource entry per environment.
export const ListDataSources2024 = defineOperation({
  name: 'ListDataSources',
  version: '2024-05-18',
  method: 'GET',
  params: {
    EnvType: { in: 'query', type: 'string', required: false },
    Name: { in: 'query', type: 'string', required: false },
    Order: { in: 'query', type: 'string', required: false },
    PageNumber: { in: 'query', type: 'integer', required: false },
    PageSize: { in: 'query', type: 'integer', required: false },
    ProjectId: { in: 'query', type: 'integer', required: true },
    SortBy: { in: 'query', type: 'string', required: false },
    Tags: { in: 'query', type: 'string', required: false },
    Types: { in: 'query', type: 'array', required: false }, // never sent by dwsync
  },
  response: z.object({
    PagingInfo: field.object({
      DataSources: field.list(
        z.object({
          DataSource: field.list(
            z.object({
              ConnectionPropertiesMode: field.string(),
              CreateTime: field.integer(),
              CreateUser: field.string(),
              Description: field.string(),
              Id: field.integer(),
              ModifyTime: field.integer(),
              ModifyUser: field.string(),
              QualifiedName: field.string(),
            }),
          ),
          Name: field.string(),
          Type: field.string(),
        }),
      ),
      PageNumber: field.integer(),
      PageSize: field.integer(),
      TotalCount: field.integer(),
    }),
    RequestId: field.string(),
  }),
});
