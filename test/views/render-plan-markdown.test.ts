import { describe, expect, it } from 'vitest';
import type { PlannedTask } from '../../src/core/plan/plan-tasks.js';
import { buildPlanView } from '../../src/views/plan-view.js';
import type { PlanChange } from '../../src/core/plan/report.js';
import {
  renderOutdatedNote,
  renderPlanComment,
  renderPlanFailureComment,
  renderPlanFailureSummary,
  renderPlanMarkdown,
  renderPlanSummary,
} from '../../src/views/render-plan-markdown.js';
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
  return { ...change, task: null, fileId: null, nodeId: null, desired: null, lastApplied: withPrevious && change.reason !== 'new' ? previous : null, deploy: false };
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
    expect(md).toContain('| create | update | delete | unchanged | orphaned |\n|---:|---:|---:|---:|---:|\n| 0 | 1 | 0 | 1 | 0 |');
    expect(md).toContain('<details><summary><code>jobs/ods/u_pk.yaml</code> · <code>10000/1</code> · update (changed)</summary>');
    expect(md).toContain('```diff\n! taskContent.setting.speed.concurrent: 2 → 4\n```');
    expect(md).not.toContain('10000/2');
  });

  it('counts tasks to create and to delete in the table', () => {
    const md = render([
      buildChange({ key: '10000/1', action: 'create', reason: 'new' }),
      buildChange({ key: '10000/2', action: 'delete', reason: undefined, taskContentPatch: [] }),
      buildChange({ key: '10000/3', action: 'delete', reason: undefined, taskContentPatch: [] }),
      buildChange({ key: '10000/4', action: 'orphaned', reason: undefined, taskContentPatch: [] }),
    ]);
    expect(md).toContain('| create | update | delete | unchanged | orphaned |\n|---:|---:|---:|---:|---:|\n| 1 | 0 | 2 | 0 | 1 |');
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

describe('the plan comment and job summary', () => {
  const many = Array.from({ length: 300 }, (_, i) =>
    buildChange({ key: `1/${i}`, taskContentPatch: Array.from({ length: 100 }, (_, k) => ({ op: 'add' as const, path: `/k${k}`, value: 'v'.repeat(40) })) }),
  );
  const view = buildPlanView(many.map((c) => planned(c)));

  it('caps each task at 60 diff lines in the comment and keeps it under the limit, pointing at the summary', () => {
    const md = renderPlanComment(view, { title: 'dwsync plan', status: 'S', runUrl: 'https://r/1' });
    expect(md.length).toBeLessThanOrEqual(65_536 - 200);
    expect(md).toContain('+ taskContent.k59: "' + 'v'.repeat(40) + '"\n  … 40 more lines');
    expect(md).toMatch(/\n> \[!NOTE\]\n> \d+ more sections are not shown: a comment is limited to 65,536 characters\. See the \[job summary\]\(https:\/\/r\/1\) for the full plan\.\n\n$/);
  });

  it('shows more of each task in the summary, within 1 MiB, with the outdated note under the head', () => {
    const md = renderPlanSummary(view, { title: 'dwsync plan', status: 'S', outdated: 'OUTDATED' });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1024 * 1024);
    expect(md).toContain('| 0 | 300 | 0 | 0 | 0 |\n\nOUTDATED\n\n<details>');
    expect(md).toContain('+ taskContent.k99: ');
    const small = buildPlanView([planned(buildChange({ key: '1/1' }))]);
    expect(renderPlanSummary(small, { title: 't', status: 'S', outdated: null })).toBe(
      join(renderPlanMarkdown(small, { title: 't', status: 'S', maxDiffLines: 400, maxOrphans: 500 })),
    );
  });

  it('says in markdown and in text that a newer commit has the comment', () => {
    expect(renderOutdatedNote('a'.repeat(40), 'b'.repeat(40), 7)).toEqual({
      markdown: '⏭️ **Outdated:** commit aaaaaaaaaaaa is no longer the head of #7 (now bbbbbbbbbbbb); this run left the pull-request comment to the newer one.',
      text: '⏭️ Outdated: commit aaaaaaaaaaaa is no longer the head of #7 (now bbbbbbbbbbbb); this run left the pull-request comment to the newer one.',
    });
  });

  it("replaces a failed plan's comment with the reason, and lists every problem in the summary", () => {
    const problems = Array.from({ length: 2000 }, (_, i) => ({ file: `jobs/t${i}.yaml`, line: 1, column: 1, path: '', message: 'x'.repeat(100) }));
    const failure = { message: `${problems.length} problem(s)`, problems };
    const comment = renderPlanFailureComment('dwsync plan', { commit: null, runUrl: null }, failure);
    expect(comment.startsWith('### dwsync plan\n\n❌ **Plan failed**\n\n**Reason:** 2000 problem(s)\n\n2000 problems in task files:')).toBe(true);
    expect(comment.length).toBeLessThanOrEqual(65_536 - 200);
    expect(comment).toMatch(/\n… and \d+ more problems \(see the job summary\)\.\n$/);
    const summary = renderPlanFailureSummary('dwsync plan', { commit: null, runUrl: null }, failure, 'OUTDATED');
    expect(summary).toContain('**Reason:** 2000 problem(s)\n\nOUTDATED\n\n2000 problems');
    expect(summary).toContain('- <code>jobs/t1999.yaml:1:1</code>');
  });
});
