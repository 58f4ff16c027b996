import { describe, expect, it } from 'vitest';
import { renderUnlockJson } from '../../src/views/render-unlock-json.js';

describe('renderUnlockJson', () => {
  it('prints the report on one line, the holder whole', () => {
    const holder = { pid: 7, host: 'ci-1', startedAt: '2026-01-01T00:00:00.000Z', command: 'dwsync apply' };
    expect(renderUnlockJson({ formatVersion: 1, removed: true, holder })).toBe(
      '{"formatVersion":1,"removed":true,"holder":{"pid":7,"host":"ci-1","startedAt":"2026-01-01T00:00:00.000Z","command":"dwsync apply"}}\n',
    );
    expect(renderUnlockJson({ formatVersion: 1, removed: false, holder: null })).toBe('{"formatVersion":1,"removed":false,"holder":null}\n');
  });
});
