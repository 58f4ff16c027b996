import { describe, expect, it } from 'vitest';
import { GetDeployment } from '../../../src/dataworks/operations/get-deployment.js';
import { paramPlaces } from './param-places.js';

describe('GetDeployment', () => {
  it('is a POST with every parameter in the body; DeploymentId required', () => {
    expect(paramPlaces(GetDeployment)).toEqual({ method: 'POST', query: [], body: ['DeploymentId', 'ProjectId', 'ProjectIdentifier'], required: ['DeploymentId'] });
  });

  it('answers Deployment.Status, CheckingStatus and ErrorMessage, and each deployed item\'s Status', () => {
    const body = {
      RequestId: 'r',
      Data: {
        Deployment: { Status: 1, CheckingStatus: 8, ErrorMessage: 'checking' },
        DeployedItems: [{ FileId: 7, FileVersion: 2, Status: 4 }],
      },
    };
    expect(GetDeployment.response.parse(body)).toEqual(body);
    expect(GetDeployment.response.safeParse({ Data: { Deployment: { CheckingStatus: '8' } } }).success).toBe(false);
  });
});
