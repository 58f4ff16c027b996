import { describe, expect, it } from 'vitest';
import { stepDatasources } from '../../src/views/step-datasources.js';

describe('stepDatasources', () => {
  it('takes parameter.datasource, then each connection[].datasource, once each', () => {
    expect(stepDatasources({ datasource: 'a', connection: [{ datasource: 'a' }, { datasource: 'b' }, { table: ['t'] }] })).toEqual(['a', 'b']);
  });
  it('leaves out empty and non-string names', () => {
    expect(stepDatasources({ datasource: '', connection: [{ datasource: '  ' }, { datasource: 3 }] })).toEqual([]);
    expect(stepDatasources(null)).toEqual([]);
  });
});
