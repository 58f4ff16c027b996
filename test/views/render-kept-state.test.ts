import { describe, expect, it } from 'vitest';
import { renderKeptStateMarkdown, renderKeptStateText } from '../../src/views/render-kept-state.js';

const uploaded = {
  path: '/t/dwsync/state.json',
  artifact: {
    name: 'dwsync-state-attempt-1',
    url: 'https://github.com/acme/jobs/actions/runs/42/artifacts/7',
    command: 'gh run download 42 --repo acme/jobs --name dwsync-state-attempt-1',
    file: '.dwsync/state.json',
  },
  notUploaded: null,
};

describe('renderKeptStateText and renderKeptStateMarkdown', () => {
  it('name the artifact, how to download it to where it belongs, and what to commit', () => {
    expect(renderKeptStateText(uploaded, 'main')).toBe(
      'the state file could not be pushed to main; it is uploaded as the artifact dwsync-state-attempt-1 of this run: at the repository root, `gh run download 42 --repo acme/jobs --name dwsync-state-attempt-1` writes .dwsync/state.json (or download it from https://github.com/acme/jobs/actions/runs/42/artifacts/7); commit that file',
    );
    expect(renderKeptStateMarkdown(uploaded, 'main')).toBe(
      '❌ **State not pushed to main.** It is uploaded as the artifact [<code>dwsync-state-attempt-1</code>](https://github.com/acme/jobs/actions/runs/42/artifacts/7) of this run. At the repository root, <code>gh run download 42 --repo acme/jobs --name dwsync-state-attempt-1</code> writes <code>.dwsync/state.json</code>; commit that file.\n',
    );
  });

  it('without an artifact id there is no link, the command still works', () => {
    const noId = { ...uploaded, artifact: { ...uploaded.artifact, url: null } };
    expect(renderKeptStateText(noId, 'main')).not.toContain('download it from');
    expect(renderKeptStateMarkdown(noId, 'main')).toContain('the artifact <code>dwsync-state-attempt-1</code> of this run.');
  });

  it('without an artifact, the file on the runner and why it was not uploaded', () => {
    const kept = { path: '/t/dwsync/state.json', artifact: null, notUploaded: 'the upload failed: <quota>' };
    expect(renderKeptStateText(kept, 'main')).toBe(
      'the state file could not be pushed to main; it is kept at /t/dwsync/state.json on the runner, not uploaded as an artifact (the upload failed: <quota>): upload it with an actions/upload-artifact step (output state-artifact) and commit it by hand',
    );
    expect(renderKeptStateMarkdown(kept, 'main')).toBe(
      '❌ **State not pushed to main.** Kept at <code>/t/dwsync/state.json</code> on the runner, not uploaded as an artifact (the upload failed: &lt;quota&gt;): upload it with an actions/upload-artifact step (output `state-artifact`) and commit it by hand.\n',
    );
  });
});
