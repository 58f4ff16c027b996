import { describe, expect, it } from 'vitest';
import { SubmitFile } from '../../../src/dataworks/operations/submit-file.js';
import { paramPlaces } from './param-places.js';

describe('SubmitFile', () => {
  it('is a POST with every parameter in the body; FileId required', () => {
    expect(paramPlaces(SubmitFile)).toEqual({
      method: 'POST',
      query: [],
      body: ['Comment', 'FileId', 'ProjectId', 'ProjectIdentifier', 'SkipAllDeployFileExtensions'],
      required: ['FileId'],
    });
    expect(SubmitFile.params.SkipAllDeployFileExtensions.type).toBe('boolean');
  });

  it('answers the deployment id as Data, an integer', () => {
    expect(SubmitFile.response.parse({ RequestId: 'r', Success: true, Data: 1000000001 })).toEqual({ RequestId: 'r', Success: true, Data: 1000000001 });
    expect(SubmitFile.response.safeParse({ Data: '1000000001' }).success).toBe(false);
  });
});
