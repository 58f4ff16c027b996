import { describe, expect, it } from 'vitest';
import { hasChanges, needsAttention } from '../../../src/core/plan/has-changes.js';

describe('hasChanges', () => {
  it('is true for an update, a task not deployed, drift, or a task missing in DataWorks', () => {
    expect(needsAttention({ action: 'update' })).toBe(true);
    expect(needsAttention({ action: 'unchanged', undeployed: true })).toBe(true);
    expect(needsAttention({ action: 'unchanged', drift: true })).toBe(true);
    expect(needsAttention({ action: 'unchanged', live: 'missing' })).toBe(true);
  });

  it('is false for unchanged tasks and orphans alone (orphans are reported, never acted on)', () => {
    expect(hasChanges([{ action: 'unchanged' }, { action: 'orphaned' }, { action: 'unchanged', drift: false }])).toBe(false);
    expect(hasChanges([])).toBe(false);
  });
});

describe('needsAttention, creations and deletions', () => {
  it('is true for a task to create and for one to delete', () => {
    expect(needsAttention({ action: 'create' })).toBe(true);
    expect(needsAttention({ action: 'delete' })).toBe(true);
  });
});
