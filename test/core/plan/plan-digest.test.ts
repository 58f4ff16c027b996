import { describe, expect, it } from 'vitest';
import { digestPlan } from '../../../src/core/plan/plan-digest.js';
import { hashCanonical } from '../../../src/core/text/canonical-json.js';
import type { JsonValue } from '../../../src/core/text/json.js';
import { buildChange, buildPlan } from '../../support/build-reports.js';

describe('digestPlan', () => {
  const changes = [buildChange({ key: '1/1' }), buildChange({ key: '1/2', action: 'unchanged', taskContentPatch: [] })];
  const digest = digestPlan(buildPlan(changes));

  it('is the first 12 hex digits of the changes’ canonical hash', () => {
    expect(digest).toMatch(/^[0-9a-f]{12}$/);
    expect(`sha256:${digest}`).toBe(hashCanonical(JSON.parse(JSON.stringify(changes)) as JsonValue).slice(0, 'sha256:'.length + 12));
  });

  it('depends on the changes only, not the summary or key order', () => {
    expect(digestPlan({ ...buildPlan(changes), summary: { create: 9, update: 9, unchanged: 9, orphaned: 9 } })).toBe(digest);
    const reordered = changes.map((c) => Object.fromEntries(Object.entries(c).reverse()) as typeof c);
    expect(digestPlan(buildPlan(reordered))).toBe(digest);
  });

  it('changes when a value changes', () => {
    const other = [buildChange({ key: '1/1', taskContentPatch: [{ op: 'replace', path: '/setting/speed/concurrent', value: 5 }] }), changes[1]!];
    expect(digestPlan(buildPlan(other))).not.toBe(digest);
  });
});
