import { describe, expect, it } from 'vitest';
import type { PlannedTask } from '../../src/core/plan/plan-tasks.js';
import { buildPlanView } from '../../src/views/plan-view.js';
import type { PlanChange } from '../../src/core/plan/report.js';
import { fitMarkdown } from '../../src/views/fit-markdown.js';
import { renderPlanMarkdown } from '../../src/views/render-plan-markdown.js';
import { buildChange } from '../support/build-reports.js';

const options = { title: 'dwsync plan', maxDiffLines: 50, maxOrphans: 3 };
const join = (parts: { head: string; sections: string[]; tail: string }) => parts.head + parts.sections.join('') + parts.tail;

const previous = {
  taskContent: { setting: { speed: { concurrent: 2 } }, steps: [{ parameter: { password: 'sensitive:hmac-sha256:abc' } }], note: 'old' },
  taskParam: { ResourceGroup: 'S_old', Cu: 1, Old: 'x' },
  taskContentHash: 'h1',
  taskParamHash: 'h2',
};

function planned(change: PlanChange, withPrevious = true): PlannedTask {
  return { ...change, task: null, fileId: null, desired: null, lastApplied: withPrevious && change.reason !== 'new' ? previous : null, deploy: false };
}

function render(changes: PlanChange[]) {
  return join(renderPlanMarkdown(buildPlanView(changes.map((c) => planned(c))), options));
}

describe('renderPlanMarkdown', () => {
  it('shows the counts, then each changed task as a collapsible diff of old → new values', () => {
    const md = render([
      buildChange({ key: '10000/1', file: 'jobs/ods/u_pk.yaml' }),
      buildChange({ key: '10000/2', action: 'unchanged', reason: undefined, taskContentPatch: [] }),
    ]);
    expect(md).toContain('| update | unchanged | orphaned |\n|---:|---:|---:|\n| 1 | 1 | 0 |');
    expect(md).toContain('<details><summary><code>jobs/ods/u_pk.yaml</code> · <code>10000/1</code> · update (changed)</summary>');
    expect(md).toContain('```diff\n! taskContent.setting.speed.concurrent: 2 → 4\n```');
    expect(md).not.toContain('10000/2');
  });

  it('says there are no changes when nothing is to update', () => {
    const md = render([buildChange({ key: '1/1', action: 'unchanged', taskContentPatch: [] })]);
    expect(md).toContain('**No changes.** 1 task is up to date.');
    expect(md).not.toContain('<details>');
  });

  it('lists orphans, capped', () => {
    const md = render([1, 2, 3, 4, 5].map((n) => buildChange({ key: `9/${n}`, action: 'orphaned', taskContentPatch: [] })));
    expect(md).toContain('#### 5 orphaned tasks');
    expect(md).toContain('- <code>9/3</code> (was in <code>jobs/9_3.yaml</code>)');
    expect(md).not.toContain('<code>9/4</code>');
    expect(md).toContain('- … and 2 more');
  });

  it('escapes HTML in file names and keeps a value holding ``` inside its fence', () => {
    const md = render([buildChange({ key: '1/1', file: 'jobs/<b>.yaml', taskContentPatch: [{ op: 'add', path: '/extra', value: 'a ``` b' }] })]);
    expect(md).toContain('<code>jobs/&lt;b&gt;.yaml</code>');
    expect(md).toContain('````diff\n+ taskContent.extra: "a ``` b"\n````');
  });

  it('caps a huge diff per task', () => {
    const patch = Array.from({ length: 80 }, (_, i) => ({ op: 'add' as const, path: `/k${i}`, value: i }));
    const md = render([buildChange({ key: '1/1', reason: 'new', taskContentPatch: patch })]);
    expect(md).toContain('+ taskContent.k49: 49\n  … 30 more lines');
    expect(md).not.toContain('k50');
  });
});

describe('fitMarkdown', () => {
  const note = (n: number) => `\n(${n} omitted)\n`;
  it('returns short markdown as is', () => {
    expect(fitMarkdown({ head: 'H\n', sections: ['a\n', 'b\n'], tail: 'T' }, 100, note)).toBe('H\na\nb\nT');
  });

  it('drops whole sections from the end and says how many', () => {
    const sections = Array.from({ length: 10 }, (_, i) => `${String(i).repeat(20)}\n`);
    const out = fitMarkdown({ head: 'HEAD\n', sections, tail: 'TAIL' }, 120, note);
    expect(out.length).toBeLessThanOrEqual(120);
    expect(out.startsWith('HEAD\n0000')).toBe(true);
    expect(out).toMatch(/\n\((\d+) omitted\)\nTAIL$/);
    const omitted = Number(/\((\d+) omitted\)/.exec(out)?.[1]);
    const kept = out.split('\n').filter((l) => /^\d{20}$/.test(l)).length;
    expect(kept + omitted).toBe(10);
  });

  it('counts bytes when asked: CJK text takes three bytes a character, and a cut never splits one', () => {
    const sections = Array.from({ length: 10 }, () => '数据集成同步任务\n'); // 8 characters, 25 bytes
    const out = fitMarkdown({ head: '', sections, tail: '' }, 100, note, 'bytes');
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(100);
    expect(out.length).toBeLessThan(50);
    const cut = fitMarkdown({ head: '同'.repeat(100), sections: [], tail: '' }, 100, note, 'bytes');
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(100);
    expect(cut).not.toContain('\uFFFD');
    expect(cut.endsWith('同…')).toBe(true);
  });

  it('cuts hard when even the head is too long', () => {
    expect(fitMarkdown({ head: 'x'.repeat(500), sections: [], tail: '' }, 100, note)).toHaveLength(100);
  });
});
