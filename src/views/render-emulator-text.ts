// `dwsync emulator` for a terminal: where it listens (stdout, for a script to read) and what it holds.
export function renderEmulatorText(started: { url: string; seeded: number }): { stdout: string; stderr: string } {
  return {
    stdout: `dwsync emulator listening on ${started.url}\n`,
    stderr: `seeded ${started.seeded} task(s); access key id "emulator", secret "emulator"\n`,
  };
}
