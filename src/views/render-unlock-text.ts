// `dwsync unlock` for a terminal's stderr: whose lock was removed (described by the state's lock
// module), or that there was none.
export function renderUnlockText(removedHolder: string | null): string {
  return removedHolder === null ? 'no lock was held\n' : `removed the lock held by ${removedHolder}\n`;
}
