import { describe, expect, it } from 'vitest';
import { Schedule } from '../../../src/core/schedule/schedule-schema.js';

describe('Schedule, its dates', () => {
  const messageOf = (startDate: string) => {
    const result = Schedule.safeParse({ startDate });
    return result.success ? null : result.error.issues.map((issue) => issue.message);
  };

  it('takes a date that exists in the calendar', () => {
    expect(messageOf('2024-02-29')).toBeNull();
    expect(messageOf('2026-12-31')).toBeNull();
  });

  it('refuses a date of the right form that the calendar does not have', () => {
    expect(messageOf('2026-02-29')).toEqual(['a date that exists in the calendar']);
    expect(messageOf('2026-04-31')).toEqual(['a date that exists in the calendar']);
  });

  it('refuses text that is not a date "YYYY-MM-DD"', () => {
    expect(messageOf('2026-1-1')).toContain('a date "YYYY-MM-DD"');
  });
});
