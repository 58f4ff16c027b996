import { describe, expect, it } from 'vitest';
import { GetProject, PROJECT_MODE_CODE } from '../../../src/dataworks/operations/get-project.js';
import { paramPlaces } from './param-places.js';

describe('GetProject', () => {
  it('is a POST with both parameters in the query, neither required', () => {
    expect(paramPlaces(GetProject)).toEqual({ method: 'POST', query: ['ProjectId', 'ProjectIdentifier'], body: [], required: [] });
  });

  it('ProjectMode 2 is basic and 3 standard', () => {
    expect(PROJECT_MODE_CODE).toEqual({ basic: 2, standard: 3 });
  });

  it('answers ProjectMode, EnvTypes and the default DI resource group', () => {
    const body = { RequestId: 'r', Data: { ProjectMode: 3, EnvTypes: ['DEV', 'PROD'], DefaultDiResourceGroupIdentifier: 'S_res_group_1' } };
    expect(GetProject.response.parse(body)).toEqual(body);
    expect(GetProject.response.safeParse({ Data: { EnvTypes: 'DEV' } }).success).toBe(false);
  });
});
