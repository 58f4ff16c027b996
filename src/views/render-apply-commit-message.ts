// The message of the commit that brings an apply's state back to the branch. "[skip ci]" keeps it
// from starting the workflow again; the body names the whole commit that was applied.
export function renderApplyCommitMessage(appliedSha: string): string {
  return `dwsync: record the state after applying ${appliedSha.slice(0, 12)} [skip ci]\n\nApplied commit: ${appliedSha}\n`;
}
