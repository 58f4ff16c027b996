import { describe, expect, it } from 'vitest';
import { LIST_FILES_MAX_FILE_IDS, LIST_FILES_MAX_PAGE_SIZE, ListFiles } from '../../../src/dataworks/operations/list-files.js';
import { paramPlaces } from './param-places.js';

describe('ListFiles', () => {
  it('is a POST with every parameter in the body, none required; pages of at most 100, at most 50 ids', () => {
    expect(paramPlaces(ListFiles)).toEqual({
      method: 'POST',
      query: [],
      body: ['ExactFileName', 'FileFolderPath', 'FileIdIn', 'FileTypes', 'Keyword', 'LastEditUser', 'NeedAbsoluteFolderPath', 'NeedContent', 'NodeId', 'Owner', 'PageNumber', 'PageSize', 'ProjectId', 'ProjectIdentifier', 'UseType'],
      required: [],
    });
    expect(ListFiles.params.FileIdIn.type).toBe('string');
    expect(ListFiles.params.NeedAbsoluteFolderPath.type).toBe('boolean');
    expect([LIST_FILES_MAX_PAGE_SIZE, LIST_FILES_MAX_FILE_IDS]).toEqual([100, 50]);
  });

  it('answers each file\'s id, name, type and AbsoluteFolderPath, and TotalCount', () => {
    const body = { RequestId: 'r', Data: { TotalCount: 1, PageNumber: 1, PageSize: 100, Files: [{ FileId: 7, FileName: 'n', FileType: 23, AbsoluteFolderPath: 'Business Flow/a' }] } };
    expect(ListFiles.response.parse(body)).toEqual(body);
    expect(ListFiles.response.safeParse({ Data: { Files: [{ FileType: '23' }] } }).success).toBe(false);
  });
});
