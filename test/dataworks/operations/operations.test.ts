import { describe, expect, it } from 'vitest';
import { findOperation, isOperationName, OPERATION_NAMES, operations } from '../../../src/dataworks/operations/operations.js';

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
      'CreateNode',
      'CreatePipelineRun',
      'DeleteNode',
      'ExecPipelineRunStage',
      'GetNode',
      'GetPipelineRun',
      'GetProject2024',
      'ListDataSources2024',
      'ListNodes',
      'ListResourceGroups2024',
      'UpdateNode',
    ]);
    // A 2024-05-18 operation whose name the 2020-05-18 API also has is keyed with "2024".
    for (const name of OPERATION_NAMES) expect(operations[name].name).toBe(name.replace(/2024$/, ''));
  });

  it('findOperation finds an operation by its action and API version', () => {
    expect(findOperation('GetProject', '2020-05-18')).toBe('GetProject');
    expect(findOperation('GetProject', '2024-05-18')).toBe('GetProject2024');
    expect(findOperation('CreateNode', '2024-05-18')).toBe('CreateNode');
    expect(findOperation('CreateNode', '2020-05-18')).toBeNull();
    expect(findOperation('UpdateDISyncTask', '2024-05-18')).toBeNull();
  });

  it('isOperationName knows only those, not inherited properties', () => {
    expect(isOperationName('GetFile')).toBe(true);
    expect(isOperationName('getFile')).toBe(false);
    expect(isOperationName('toString')).toBe(false);
    expect(isOperationName('GetDISyncTask')).toBe(false);
  });
});
