import type { ApplyReport, PlanChange, PlanReport } from '../../src/core/plan/report.js';

// Builders for the reports the renderers take.

export function buildChange(overrides: Partial<PlanChange> & { key: string }): PlanChange {
  return {
    file: `jobs/${overrides.key.replace('/', '_')}.yaml`,
    action: 'update',
    api: '2020-05-18',
    reason: 'changed',
    taskContentPatch: [{ op: 'replace', path: '/setting/speed/concurrent', value: 4 }],
    taskParamPatch: [],
    ...overrides,
  };
}

export function buildPlan(changes: PlanChange[]): PlanReport {
  const count = (action: PlanChange['action']) => changes.filter((c) => c.action === action).length;
  return {
    formatVersion: 1,
    summary: { create: count('create'), update: count('update'), unchanged: count('unchanged'), orphaned: count('orphaned') },
    changes,
  };
}

export function buildApply(results: ApplyReport['results']): ApplyReport {
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  return {
    formatVersion: 1,
    summary: { created: count('created'), applied: count('applied'), deleted: count('deleted'), failed: count('failed'), unchanged: count('unchanged'), skipped: count('skipped') },
    results,
  };
}
