import { describe, expect, it } from 'vitest';
import { formatStatusLine, renderFailureMarkdown, shortSha } from '../../src/views/render-step-status.js';

const SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';

describe('formatStatusLine', () => {
  it('names the verdict, the commit, the digest and the run', () => {
    expect(formatStatusLine('✅', 'Plan ready', { commit: SHA, runUrl: 'https://r/1', digest: 'd1' })).toBe(
      '✅ **Plan ready** for commit <code>6dcb09b5b578</code> · plan digest <code>d1</code> · [run](https://r/1)',
    );
    expect(formatStatusLine('❌', 'Apply failed', { commit: null, runUrl: null })).toBe('❌ **Apply failed**');
    expect(shortSha(SHA)).toBe('6dcb09b5b578');
  });
});

describe('renderFailureMarkdown', () => {
  it('heads with the status and the escaped reason; each problem is a section of its own', () => {
    const problems = [{ file: 'jobs/a.yaml', line: 2, column: 1, path: '', message: 'bad' }];
    const parts = renderFailureMarkdown('dwsync plan', 'Plan failed', { commit: SHA, runUrl: null }, { message: 'no <good>', problems });
    expect(parts.head).toBe('### dwsync plan\n\n❌ **Plan failed** for commit <code>6dcb09b5b578</code>\n\n**Reason:** no &lt;good&gt;\n\n');
    expect(parts.sections).toEqual(['1 problem in task files:\n\n- <code>jobs/a.yaml:2:1</code> bad\n']);
    expect(parts.tail).toBe('');
  });
});
