import { describe, expect, it } from 'vitest';
import { renderApplyPostMarkdown } from '../../src/views/render-apply-post-markdown.js';

describe('renderApplyPostMarkdown', () => {
  it('says where the state of a cancelled apply went: committed, already there, or kept for an artifact', () => {
    expect(renderApplyPostMarkdown({ sha: 'abc123', artifact: null }, 'main')).toBe(
      '### dwsync apply: post step\n\nState committed as `abc123` and pushed to main.\n',
    );
    expect(renderApplyPostMarkdown({ sha: null, artifact: null }, 'main')).toBe('### dwsync apply: post step\n\nThe state was already on the branch.\n');
    expect(renderApplyPostMarkdown({ sha: null, artifact: '/t/dwsync/state.json' }, 'main')).toBe(
      '### dwsync apply: post step\n\n❌ **State not pushed.** Kept at `/t/dwsync/state.json` for an upload-artifact step.\n',
    );
  });
});
