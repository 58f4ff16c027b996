import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

// The repository documents its own formats in docs/ and cites nothing outside itself: no planning
// documents, no tracker numbers. This very file is the one place the patterns may appear.
const OUTSIDE = [/CONTRACT\.md/, /\.\.\/shared\//, /\bissue #\d/i, /\bthe contract\b/i, /\bthe issue\b/i];

it('cites nothing outside the repository', async () => {
  const { stdout } = await promisify(execFile)('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, maxBuffer: 1 << 24 });
  const files = stdout.split('\n').filter((file) => /\.(ts|js|md|json|ya?ml)$/.test(file) && file !== 'test/package/stands-alone.test.ts');
  const found: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(ROOT, file), 'utf8').catch(() => '');
    for (const pattern of OUTSIDE) if (pattern.test(text)) found.push(`${file}: ${pattern.source}`);
  }
  expect(found).toEqual([]);
});
