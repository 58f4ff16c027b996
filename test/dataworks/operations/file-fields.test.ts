import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DI_FILE_TYPE, fileFields } from '../../../src/dataworks/operations/file-fields.js';

describe('fileFields', () => {
  it('a batch sync node is FileType 23', () => {
    expect(DI_FILE_TYPE).toBe(23);
  });

  it('has the id, name, type and Content dwsync reads, and neither a folder path nor a DI resource group', () => {
    expect(Object.keys(fileFields)).toEqual(expect.arrayContaining(['FileId', 'FileName', 'FileType', 'Content', 'FileFolderId']));
    expect(Object.keys(fileFields)).not.toContain('AbsoluteFolderPath');
    expect(Object.keys(fileFields).filter((k) => /ResourceGroup/i.test(k))).toEqual([]);
    const schema = z.object(fileFields);
    expect(schema.parse({ FileId: 1, FileType: 23, FileName: 'n', Content: '{}' })).toEqual({ FileId: 1, FileType: 23, FileName: 'n', Content: '{}' });
    expect(schema.safeParse({ FileId: '1' }).success).toBe(false);
  });
});
