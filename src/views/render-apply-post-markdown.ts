// The post step's job summary: where the state of a cancelled apply went.
export function renderApplyPostMarkdown(result: { sha: string | null; artifact: string | null }, branch: string): string {
  const title = '### dwsync apply: post step\n\n';
  if (result.artifact !== null) return `${title}❌ **State not pushed.** Kept at \`${result.artifact}\` for an upload-artifact step.\n`;
  return `${title}${result.sha ? `State committed as \`${result.sha}\` and pushed to ${branch}.` : 'The state was already on the branch.'}\n`;
}
