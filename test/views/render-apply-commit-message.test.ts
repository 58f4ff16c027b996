import { describe, expect, it } from 'vitest';
import { renderApplyCommitMessage } from '../../src/views/render-apply-commit-message.js';

describe('renderApplyCommitMessage', () => {
  it('names the applied commit short in the subject, with [skip ci], and whole in the body', () => {
    const sha = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
    expect(renderApplyCommitMessage(sha)).toBe(
      'dwsync: record the state after applying 6dcb09b5b578 [skip ci]\n\nApplied commit: 6dcb09b5b57875f334f61aebed695e2e4193db5e\n',
    );
  });
});
