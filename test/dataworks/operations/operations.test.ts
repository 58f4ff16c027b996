import { describe, expect, it } from 'vitest';
import { isOperationName, OPERATION_NAMES, operations } from '../../../src/dataworks/operations/operations.js';

describe('operations', () => {
  it('lists each definition under its own OpenAPI name', () => {
    expect(OPERATION_NAMES).toEqual([
      'CreateDISyncTask',
      'DeleteFile',
      'DeployFile',
      'GetDeployment',
      'GetFile',
      'GetProject',
      'ListDataSources',
      'ListFiles',
      'ListResourceGroups',
      'SubmitFile',
      'UpdateDISyncTask',
      'UpdateFile',
    ]);
    for (const name of OPERATION_NAMES) expect(operations[name].name).toBe(name);
  });

  it('isOperationName knows only those, not inherited properties', () => {
    expect(isOperationName('GetFile')).toBe(true);
    expect(isOperationName('getFile')).toBe(false);
    expect(isOperationName('toString')).toBe(false);
    expect(isOperationName('GetDISyncTask')).toBe(false);
  });
});
