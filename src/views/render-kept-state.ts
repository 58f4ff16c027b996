import { escapeHtml, inlineCode } from './markdown-text.js';

// Where the state went when it could not be pushed: an artifact of the run, or only a file on the runner.
export type KeptState = {
  path: string; // the copy under RUNNER_TEMP
  artifact: { name: string; url: string | null; command: string; file: string } | null;
  notUploaded: string | null; // why there is no artifact
};

// One sentence for the log and the step's failure message.
export function renderKeptStateText(kept: KeptState, branch: string): string {
  const head = `the state file could not be pushed to ${branch}`;
  const { artifact } = kept;
  if (artifact !== null) {
    const page = artifact.url ? ` (or download it from ${artifact.url})` : '';
    return `${head}; it is uploaded as the artifact ${artifact.name} of this run: at the repository root, \`${artifact.command}\` writes ${artifact.file}${page}; commit that file`;
  }
  return `${head}; it is kept at ${kept.path} on the runner, not uploaded as an artifact (${kept.notUploaded ?? 'no artifact service'}): upload it with an actions/upload-artifact step (output state-artifact) and commit it by hand`;
}

export function renderKeptStateMarkdown(kept: KeptState, branch: string): string {
  const head = `❌ **State not pushed to ${escapeHtml(branch)}.**`;
  const { artifact } = kept;
  if (artifact !== null) {
    const name = artifact.url ? `[${inlineCode(artifact.name)}](${artifact.url})` : inlineCode(artifact.name);
    return `${head} It is uploaded as the artifact ${name} of this run. At the repository root, ${inlineCode(artifact.command)} writes ${inlineCode(artifact.file)}; commit that file.\n`;
  }
  return `${head} Kept at ${inlineCode(kept.path)} on the runner, not uploaded as an artifact (${escapeHtml(kept.notUploaded ?? 'no artifact service')}): upload it with an actions/upload-artifact step (output \`state-artifact\`) and commit it by hand.\n`;
}
