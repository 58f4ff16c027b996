import { describe, expect, it } from 'vitest';
import { fitMarkdown } from '../../src/views/fit-markdown.js';

describe('fitMarkdown', () => {
  const note = (n: number) => `\n(${n} omitted)\n`;
  it('returns short markdown as is', () => {
    expect(fitMarkdown({ head: 'H\n', sections: ['a\n', 'b\n'], tail: 'T' }, 100, note)).toBe('H\na\nb\nT');
  });

  it('drops whole sections from the end and says how many', () => {
    const sections = Array.from({ length: 10 }, (_, i) => `${String(i).repeat(20)}\n`);
    const out = fitMarkdown({ head: 'HEAD\n', sections, tail: 'TAIL' }, 120, note);
    expect(out.length).toBeLessThanOrEqual(120);
    expect(out.startsWith('HEAD\n0000')).toBe(true);
    expect(out).toMatch(/\n\((\d+) omitted\)\nTAIL$/);
    const omitted = Number(/\((\d+) omitted\)/.exec(out)?.[1]);
    const kept = out.split('\n').filter((l) => /^\d{20}$/.test(l)).length;
    expect(kept + omitted).toBe(10);
  });

  it('counts bytes when asked: CJK text takes three bytes a character, and a cut never splits one', () => {
    const sections = Array.from({ length: 10 }, () => '数据集成同步任务\n'); // 8 characters, 25 bytes
    const out = fitMarkdown({ head: '', sections, tail: '' }, 100, note, 'bytes');
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(100);
    expect(out.length).toBeLessThan(50);
    const cut = fitMarkdown({ head: '同'.repeat(100), sections: [], tail: '' }, 100, note, 'bytes');
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(100);
    expect(cut).not.toContain('\uFFFD');
    expect(cut.endsWith('同…')).toBe(true);
  });

  it('cuts hard when even the head is too long', () => {
    expect(fitMarkdown({ head: 'x'.repeat(500), sections: [], tail: '' }, 100, note)).toHaveLength(100);
  });
});
