import { describe, expect, it } from 'vitest';
import { stepId } from '../../../src/core/task/step-categories.js';

describe('stepId', () => {
  it('names a step by its name, else by its displayName', () => {
    expect(stepId({ name: 'Reader', displayName: 'shown' })).toBe('Reader');
    expect(stepId({ displayName: 'embedding' })).toBe('embedding');
  });

  it('takes an empty name as none, and an empty or missing displayName as no id', () => {
    expect(stepId({ name: '', displayName: 'embedding' })).toBe('embedding');
    expect(stepId({ name: '', displayName: '' })).toBeNull();
    expect(stepId({ name: 7 })).toBeNull();
  });
});
