import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_TASK_FILE_BYTES, readTaskText } from '../../src/tasks/read-task-text.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir('dwsync-read-task-text-', { keep: 'file' });
let dir = '';
beforeAll(async () => {
  dir = await tempDir();
});

async function fileWith(name: string, bytes: Uint8Array | string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

describe('readTaskText', () => {
  it('reads a task file as text, one after another through the same buffer', async () => {
    expect(await readTaskText(await fileWith('a.yaml', 'projectId: 1\n'))).toEqual({ text: 'projectId: 1\n' });
    expect(await readTaskText(await fileWith('b.yaml', 'x'))).toEqual({ text: 'x' });
  });

  it('refuses a file over 1 MiB, giving its whole size though it read one byte past the limit', async () => {
    const size = MAX_TASK_FILE_BYTES * 3;
    expect(await readTaskText(await fileWith('huge.yaml', Buffer.alloc(size, 0x61)))).toEqual({
      problem: `file too large: expected at most 1 MiB (1048576 bytes), found ${size} bytes`,
      line: 1,
      column: 1,
    });
    expect(await readTaskText(await fileWith('limit.yaml', Buffer.alloc(MAX_TASK_FILE_BYTES, 0x61)))).toEqual({ text: 'a'.repeat(MAX_TASK_FILE_BYTES) });
  });

  it('refuses binary and non-UTF-8 files at the byte', async () => {
    expect(await readTaskText(await fileWith('nul.yaml', Buffer.from('a: 1\n\0')))).toMatchObject({ problem: 'binary file: expected YAML text, found a NUL byte at byte 5' });
    expect(await readTaskText(await fileWith('latin1.yaml', Buffer.from('a: 1\nb: caf\xe9\n', 'latin1')))).toEqual({
      problem: 'invalid UTF-8: expected UTF-8 text, found byte 0xe9',
      line: 2,
      column: 7,
    });
  });

  it('says why a file cannot be read', async () => {
    expect(await readTaskText(path.join(dir, 'missing.yaml'))).toEqual({ problem: 'cannot read file: ENOENT', line: 1, column: 1 });
    expect(await readTaskText(dir)).toEqual({ problem: 'cannot read file: EISDIR', line: 1, column: 1 });
  });
});
