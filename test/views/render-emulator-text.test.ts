import { describe, expect, it } from 'vitest';
import { renderEmulatorText } from '../../src/views/render-emulator-text.js';

describe('renderEmulatorText', () => {
  it('puts the address on stdout, for a script to read, and the seed on stderr', () => {
    expect(renderEmulatorText({ url: 'http://127.0.0.1:8787', seeded: 7 })).toEqual({
      stdout: 'dwsync emulator listening on http://127.0.0.1:8787\n',
      stderr: 'seeded 7 task(s); access key id "emulator", secret "emulator"\n',
    });
  });
});
