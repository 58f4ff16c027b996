import { describe, expect, it } from 'vitest';
import { renderPlanJsonPieces } from '../../src/views/render-plan-json.js';
import { buildChange, buildPlan } from '../support/build-reports.js';

describe('renderPlanJsonPieces', () => {
  it('prints the plan report pretty-printed, every field kept, with a final newline', () => {
    const report = buildPlan([buildChange({ key: '10000/1', drift: true, liveContentPatch: [{ op: 'remove', path: '/x' }] })]);
    const text = [...renderPlanJsonPieces(report)].join('');
    expect(JSON.parse(text)).toEqual(report);
    expect(text).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(text.split('\n')[1]).toBe('  "formatVersion": 1,');
  });
});
