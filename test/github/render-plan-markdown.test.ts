import { describe, expect, it } from 'vitest';
import { fitMarkdown } from '../../src/github/fit-markdown.js';
import { renderPlanMarkdown } from '../../src/github/render-plan-markdown.js';
import { formatPointer, renderPatchDiff } from '../../src/github/render-patch-diff.js';
import { buildChange, buildPlan } from './build-reports.js';

const options = { title: 'dwsync plan', maxDiffLines: 50, maxOrphans: 3 };
const join = (parts: { head: string; sections: string[]; tail: string }) => parts.head + parts.sections.join('') + parts.tail;

describe('renderPlanMarkdown', () => {
  it('shows the counts, then each changed task as a collapsible diff', () => {
    const report = buildPlan([
      buildChange({ key: '10000/1', file: 'jobs/ods/u_pk.yaml' }),
      buildChange({ key: '10000/2', action: 'unchanged', reason: undefined, taskContentPatch: [] }),
    ]);
    const md = join(renderPlanMarkdown(report, options));
    expect(md).toContain('| update | unchanged | orphaned |\n|---:|---:|---:|\n| 1 | 1 | 0 |');
    expect(md).toContain(
      '<details><summary><code>jobs/ods/u_pk.yaml</code> · <code>10000/1</code> · update (changed)</summary>',
    );
    expect(md).toContain('```diff\n! taskContent.setting.speed.concurrent: 4\n```');
    expect(md).not.toContain('10000/2');
  });

  it('says there are no changes when nothing is to update', () => {
    const md = join(renderPlanMarkdown(buildPlan([buildChange({ key: '1/1', action: 'unchanged', taskContentPatch: [] })]), options));
    expect(md).toContain('**No changes.** 1 task is up to date.');
    expect(md).not.toContain('<details>');
  });

  it('lists orphans, capped', () => {
    const orphans = [1, 2, 3, 4, 5].map((n) => buildChange({ key: `9/${n}`, action: 'orphaned', taskContentPatch: [] }));
    const md = join(renderPlanMarkdown(buildPlan(orphans), options));
    expect(md).toContain('#### 5 orphaned tasks');
    expect(md).toContain('- <code>9/3</code> (was in <code>jobs/9_3.yaml</code>)');
    expect(md).not.toContain('<code>9/4</code>');
    expect(md).toContain('- … and 2 more');
  });

  it('escapes HTML in file names and keeps a value holding ``` inside its fence', () => {
    const change = buildChange({
      key: '1/1',
      file: 'jobs/<b>.yaml',
      taskContentPatch: [{ op: 'add', path: '/note', value: 'a ``` b' }],
    });
    const md = join(renderPlanMarkdown(buildPlan([change]), options));
    expect(md).toContain('<code>jobs/&lt;b&gt;.yaml</code>');
    expect(md).toContain('````diff\n+ taskContent.note: "a ``` b"\n````');
  });

  it('caps a huge diff per task', () => {
    const patch = Array.from({ length: 80 }, (_, i) => ({ op: 'add' as const, path: `/k${i}`, value: i }));
    const md = join(renderPlanMarkdown(buildPlan([buildChange({ key: '1/1', reason: 'new', taskContentPatch: patch })]), options));
    expect(md).toContain('+ taskContent.k49: 49\n  … 30 more lines');
    expect(md).not.toContain('k50');
  });
});

describe('renderPatchDiff', () => {
  it('marks additions, replacements and removals, objects pretty-printed', () => {
    const lines = renderPatchDiff('taskParam', [
      { op: 'add', path: '/Cu', value: 2 },
      { op: 'replace', path: '/ResourceGroup', value: 'S_new' },
      { op: 'remove', path: '/Old' },
      { op: 'add', path: '/obj', value: { a: 1 } },
    ]);
    expect(lines).toEqual([
      '+ taskParam.Cu: 2',
      '! taskParam.ResourceGroup: "S_new"',
      '- taskParam.Old',
      '+ taskParam.obj: {',
      '+     "a": 1',
      '+   }',
    ]);
  });

  it('turns JSON pointers into the dotted paths problems use', () => {
    expect(formatPointer('taskContent', '/steps/0/parameter/table')).toBe('taskContent.steps[0].parameter.table');
    expect(formatPointer('t', '/a~1b/c~0d')).toBe('t["a/b"]["c~d"]');
    expect(formatPointer('t', '')).toBe('t');
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

  it('cuts hard when even the head is too long', () => {
    expect(fitMarkdown({ head: 'x'.repeat(500), sections: [], tail: '' }, 100, note)).toHaveLength(100);
  });
});

describe('renderPatchDiff and secrets', () => {
  it('shows values under secret-looking keys as (sensitive), nested ones too', () => {
    const lines = renderPatchDiff('taskContent', [
      { op: 'replace', path: '/steps/0/parameter/password', value: 'sensitive:hmac-sha256:abc' },
      { op: 'add', path: '/steps/1', value: { parameter: { accessKey: 'AKID', table: 't' } } },
    ]);
    expect(lines.join('\n')).not.toMatch(/hmac|AKID/);
    expect(lines[0]).toBe('! taskContent.steps[0].parameter.password: "(sensitive)"');
    expect(lines.join('\n')).toContain('"accessKey": "(sensitive)"');
  });
});
