import { describe, expect, it } from 'vitest';
import { DeleteFile } from '../../../src/dataworks/operations/delete-file.js';
import { paramPlaces } from './param-places.js';

describe('DeleteFile', () => {
  it('is a POST with every parameter in the body; only FileId required', () => {
    expect(paramPlaces(DeleteFile)).toEqual({ method: 'POST', query: [], body: ['FileId', 'ProjectId', 'ProjectIdentifier'], required: ['FileId'] });
  });

  it('answers DeploymentId at the top level, not under Data', () => {
    expect(DeleteFile.response.parse({ RequestId: 'r', Success: true, DeploymentId: 1000000001 })).toEqual({ RequestId: 'r', Success: true, DeploymentId: 1000000001 });
    expect(DeleteFile.response.parse({ Data: { DeploymentId: 5 } })).toEqual({});
  });
});
