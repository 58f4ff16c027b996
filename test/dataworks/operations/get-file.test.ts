import { describe, expect, it } from 'vitest';
import { GetFile } from '../../../src/dataworks/operations/get-file.js';
import { paramPlaces } from './param-places.js';

describe('GetFile', () => {
  it('is a POST with every parameter in the body, none required', () => {
    expect(paramPlaces(GetFile)).toEqual({ method: 'POST', query: [], body: ['FileId', 'NodeId', 'ProjectId', 'ProjectIdentifier'], required: [] });
  });

  it('answers the file\'s id, name, type and Content; no folder path and no DI group, only the numeric scheduling group', () => {
    const body = { RequestId: 'r', Data: { File: { FileId: 7, FileName: 'n', FileType: 23, Content: '{"type":"job"}' }, NodeConfiguration: { ResourceGroupId: 30000001 } } };
    expect(GetFile.response.parse(body)).toEqual(body);
    const parsed = GetFile.response.parse({ Data: { File: { FileId: 7, AbsoluteFolderPath: 'x', ResourceGroup: 'S_g' }, NodeConfiguration: { ResourceGroupIdentifier: 'S_g' } } });
    expect(parsed).toEqual({ Data: { File: { FileId: 7 }, NodeConfiguration: {} } });
    expect(GetFile.response.safeParse({ Data: { NodeConfiguration: { ResourceGroupId: 'S_g' } } }).success).toBe(false);
  });
});
