import { z } from 'zod';
import { defineOperation, envelope, errorFields, field } from './define-operation.js';
import { fileFields } from './file-fields.js';

// Lists files, paged. The model documents PageSize at most 100 and FileIdIn at most 50 ids.
export const LIST_FILES_MAX_PAGE_SIZE = 100;
export const LIST_FILES_MAX_FILE_IDS = 50;

export const ListFiles = defineOperation({
  name: 'ListFiles',
  version: '2020-05-18',
  method: 'POST',
  params: {
    ExactFileName: { in: 'body', type: 'string', required: false },
    FileFolderPath: { in: 'body', type: 'string', required: false },
    FileIdIn: { in: 'body', type: 'string', required: false }, // comma-separated ids
    FileTypes: { in: 'body', type: 'string', required: false }, // comma-separated, 23 = batch sync
    Keyword: { in: 'body', type: 'string', required: false },
    LastEditUser: { in: 'body', type: 'string', required: false },
    NeedAbsoluteFolderPath: { in: 'body', type: 'boolean', required: false },
    NeedContent: { in: 'body', type: 'boolean', required: false },
    NodeId: { in: 'body', type: 'integer', required: false },
    Owner: { in: 'body', type: 'string', required: false },
    PageNumber: { in: 'body', type: 'integer', required: false },
    PageSize: { in: 'body', type: 'integer', required: false },
    ProjectId: { in: 'body', type: 'integer', required: false },
    ProjectIdentifier: { in: 'body', type: 'string', required: false },
    UseType: { in: 'body', type: 'string', required: false },
  },
  response: z.object({
    ...envelope,
    ...errorFields,
    Data: field.object({
      Files: field.list(z.object({ ...fileFields, AbsoluteFolderPath: field.string() })),
      PageNumber: field.integer(),
      PageSize: field.integer(),
      TotalCount: field.integer(),
    }),
  }),
});
