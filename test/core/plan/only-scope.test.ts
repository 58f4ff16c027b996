import { describe, expect, it } from 'vitest';

import { onlyScope } from '../../../src/core/plan/only-scope.js';

describe('onlyScope', () => {
  it('without --only speaks for every record; with it, only for those whose file matches a glob', () => {
    expect(onlyScope({ only: [] })('jobs/anything.yaml')).toBe(true);
    const inScope = onlyScope({ only: ['jobs/ods/**', 'jobs/x.yaml'] });
    expect(['jobs/ods/a/b.yaml', 'jobs/x.yaml', 'jobs/dws/c.yaml'].map(inScope)).toEqual([true, true, false]);
  });
});
