import { describe, expect, it } from 'vitest';
import { checkAnswer, listAbsentFields } from '../../../src/dataworks/operations/check-answer.js';
import { GetFile } from '../../../src/dataworks/operations/get-file.js';

describe('checkAnswer', () => {
  it('reports undocumented fields and wrong types at their paths, and nothing for a documented answer', () => {
    const answer = {
      RequestId: 'r',
      Success: true,
      HttpStatusCode: 200.5,
      Foo: 1,
      Data: { File: { FileId: 'a', Content: '{}', FileFolderPath: 'p' }, NodeConfiguration: { InputList: [{ Input: 1 }], ResourceGroupId: null } },
    };
    expect(checkAnswer(GetFile.response, answer)).toEqual([
      { path: 'HttpStatusCode', kind: 'type', expected: 'integer', found: 'number' },
      { path: 'Foo', kind: 'undocumented', found: 'integer' },
      { path: 'Data.File.FileId', kind: 'type', expected: 'integer', found: 'string' },
      { path: 'Data.File.FileFolderPath', kind: 'undocumented', found: 'string' },
      { path: 'Data.NodeConfiguration.InputList[0].Input', kind: 'type', expected: 'string', found: 'integer' },
    ]);
    expect(checkAnswer(GetFile.response, { RequestId: 'r', Success: true, Data: { File: { FileId: 1, Content: '' } } })).toEqual([]);
  });

  it('lists documented fields an answer left out', () => {
    const absent = listAbsentFields(GetFile.response, { RequestId: 'r', Success: true, Data: { File: { FileId: 1 } } });
    expect(absent).toContain('ErrorCode');
    expect(absent).toContain('Data.File.Content');
    expect(absent).not.toContain('Data.File.FileId');
  });
});
