import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../src/core/references/find-references.js';
import type { JsonObject } from '../../../src/core/text/json.js';
import { buildTask } from '../../support/build-task.js';

describe('findReferences', () => {
  it("finds each step's datasource and the resource group, with their paths", () => {
    expect(findReferences(buildTask())).toEqual([
      { kind: 'datasource', name: 'mysql_pub', path: ['taskContent', 'steps', 0, 'parameter', 'datasource'] },
      { kind: 'datasource', name: 'odps_first', path: ['taskContent', 'steps', 1, 'parameter', 'datasource'] },
      { kind: 'resourceGroup', name: 'S_res_group_1_1', path: ['taskParam', 'ResourceGroup'] },
    ]);
  });

  it('finds the datasources of a connection list, beside the step’s own', () => {
    const steps = [
      { category: 'reader', parameter: { datasource: 'own', connection: [{ datasource: 'a', table: ['t'] }, { table: ['u'] }, { datasource: 'b' }] } },
    ];
    expect(findReferences(buildTask({ taskContent: { steps } as JsonObject, taskParam: {} }))).toEqual([
      { kind: 'datasource', name: 'own', path: ['taskContent', 'steps', 0, 'parameter', 'datasource'] },
      { kind: 'datasource', name: 'a', path: ['taskContent', 'steps', 0, 'parameter', 'connection', 0, 'datasource'] },
      { kind: 'datasource', name: 'b', path: ['taskContent', 'steps', 0, 'parameter', 'connection', 2, 'datasource'] },
    ]);
  });

  it('skips empty names, values that are not strings, and malformed steps', () => {
    const steps = [null, 'x', { parameter: 'x' }, { parameter: { datasource: '' } }, { parameter: { datasource: 3, connection: [null, { datasource: '' }, 'c'] } }, { parameter: { connection: 'c' } }];
    expect(findReferences(buildTask({ taskContent: { steps } as JsonObject, taskParam: { ResourceGroup: 5 } }))).toEqual([]);
    expect(findReferences(buildTask({ taskContent: { steps: 'none' }, taskParam: {} }))).toEqual([]);
  });
});
