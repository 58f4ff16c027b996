import { describe, expect, it } from 'vitest';
import { mergeStates } from '../../../src/core/state/merge-states.js';
import type { TaskRecord } from '../../../src/core/state/state-schema.js';
import { aFailedRecord, aState, anAppliedRecord } from '../../support/state-builders.js';

function attemptedAt(record: TaskRecord, at: string): TaskRecord {
  return { ...record, lastAttempt: { ...record.lastAttempt!, at } };
}

describe('mergeStates', () => {
  it('keeps every task of both states and takes each task from its newest attempt', () => {
    const older = attemptedAt(anAppliedRecord('jobs/a.yaml', 'req-old'), '2026-11-29T09:00:00.000Z');
    const newer = attemptedAt(aFailedRecord('jobs/a.yaml'), '2026-11-29T10:00:00.000Z');
    const ours = aState({ '10000/1': older, '10000/2': anAppliedRecord('jobs/b.yaml') }, 4);
    const theirs = aState({ '10000/1': newer, '10000/3': anAppliedRecord('jobs/c.yaml') }, 7);
    const merged = mergeStates(ours, theirs);
    expect(Object.keys(merged.tasks).sort()).toEqual(['10000/1', '10000/2', '10000/3']);
    expect(merged.tasks['10000/1']).toBe(newer);
    expect(merged.serial).toBe(7);
    // The other way round gives the same tasks.
    expect(mergeStates(theirs, ours).tasks).toEqual(merged.tasks);
  });

  it('keeps ours on a tie', () => {
    const a = anAppliedRecord('jobs/a.yaml', 'req-ours');
    const b = anAppliedRecord('jobs/a.yaml', 'req-theirs');
    expect(mergeStates(aState({ '10000/1': a }), aState({ '10000/1': b })).tasks['10000/1']).toBe(a);
  });

  it('refuses states of different lineages', () => {
    const other = { ...aState(), lineage: 'another-lineage' };
    expect(() => mergeStates(aState(), other)).toThrow(/different state files \(lineage/);
  });

  it('keeps ours when both records were attempted at the same time', () => {
    const at = '2026-11-29T10:00:00.000Z';
    const ours = attemptedAt(aFailedRecord('jobs/a.yaml'), at);
    const theirs = attemptedAt(anAppliedRecord('jobs/a.yaml', 'req-theirs'), at);
    expect(mergeStates(aState({ '10000/1': ours }), aState({ '10000/1': theirs })).tasks['10000/1']).toBe(ours);
  });

  it('takes theirs when their attempt is newer, and ours when ours is', () => {
    const older = attemptedAt(anAppliedRecord('jobs/a.yaml', 'req-old'), '2026-11-29T09:00:00.000Z');
    const newer = attemptedAt(anAppliedRecord('jobs/a.yaml', 'req-new'), '2026-11-29T10:00:00.000Z');
    expect(mergeStates(aState({ '10000/1': older }), aState({ '10000/1': newer })).tasks['10000/1']).toBe(newer);
    expect(mergeStates(aState({ '10000/1': newer }), aState({ '10000/1': older })).tasks['10000/1']).toBe(newer);
  });

  it('refuses states of one lineage with different salts, naming what it merges', () => {
    const other = { ...aState(), salt: 'another-salt' };
    expect(() => mergeStates(aState(), other)).toThrow(/cannot merge the two states: .*created anew instead of being carried over/);
  });
});

describe('mergeStates, records with few times', () => {
  it('reads a record without a last attempt by its applied time, and one with no time at all as the oldest', () => {
    const applied = { ...anAppliedRecord(), lastAttempt: null };
    const bare = { file: 'jobs/a.yaml', applied: null, lastAttempt: null } as TaskRecord;
    expect(mergeStates(aState({ '1/1': bare }), aState({ '1/1': applied })).tasks['1/1']).toEqual(applied);
    expect(mergeStates(aState({ '1/1': applied }), aState({ '1/1': bare })).tasks['1/1']).toEqual(applied);
  });
});
