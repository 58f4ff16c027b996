import { describe, expect, it } from 'vitest';
import { DeployFile } from '../../../src/dataworks/operations/deploy-file.js';
import { paramPlaces } from './param-places.js';

describe('DeployFile', () => {
  it('is a POST with every parameter in the body, none required', () => {
    expect(paramPlaces(DeployFile)).toEqual({ method: 'POST', query: [], body: ['Comment', 'FileId', 'NodeId', 'ProjectId', 'ProjectIdentifier'], required: [] });
  });

  it('answers the deployment id as Data, an integer', () => {
    expect(DeployFile.response.parse({ RequestId: 'r', Data: 1000000002 })).toEqual({ RequestId: 'r', Data: 1000000002 });
    expect(DeployFile.response.safeParse({ Data: { DeploymentId: 1 } }).success).toBe(false);
  });
});
