import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseTaskFile } from '../../../src/core/task/parse-task-file.js';
import { parseConfig } from '../../../src/core/config/parse-config.js';
import type { Problem } from '../../../src/core/problem.js';
import { validTaskYaml } from '../../support/task-builders.js';

// Characters that matter to YAML and JSON, so mutations hit the interesting paths.
const special = fc.constantFrom(':', '-', '[', ']', '{', '}', '"', "'", '\t', '\n', '\r\n', '&a', '*a', '!!', '#', '0', ' ', '|', '>', '---\n', '\ufeff', '\\', '.inf', ',');

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(special, fc.string({ maxLength: 5 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
);

type Mutation = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'duplicateLine'; at: number };

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  if (m.kind === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + m.length);
  const lines = text.split('\n');
  const i = m.at % lines.length;
  lines.splice(i, 0, lines[i] ?? '');
  return lines.join('\n');
}

function expectLocated(problems: Problem[], text: string): void {
  const lineCount = text.split('\n').length;
  for (const p of problems) {
    expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lineCount, JSON.stringify(p)).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1, JSON.stringify(p)).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

test('mutated task files never throw and every problem has a place', () => {
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
      const text = mutations.reduce(mutate, validTaskYaml);
      const { tasks, problems } = parseTaskFile(text, 'jobs/t.yaml');
      expectLocated(problems, text);
      // A file gives tasks or problems, never silently nothing.
      expect(tasks.length + problems.length).toBeGreaterThan(0);
    }),
    { numRuns: 400 },
  );
});

test('random text never throws, as a task file or as dwsync.yaml', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200, unit: fc.oneof(special, fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })) }), (text) => {
      expectLocated(parseTaskFile(text, 'jobs/t.yaml').problems, text);
      expectLocated(parseConfig(text, 'dwsync.yaml').problems, text);
    }),
    { numRuns: 400 },
  );
});
