import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeText, type DecodedText } from '../core/text/decode-text.js';

export const MAX_TASK_FILE_BYTES = 1024 * 1024;

export type TaskText = DecodedText;

// One buffer for every read: a task file is read whole and decoded before the next one starts.
let shared: Buffer | null = null;

// Reads a task file as UTF-8 text, refusing what cannot be one (decode-text.ts): too large, binary, not UTF-8.
// Synchronous on purpose: task files are small and parsing them is the bottleneck, and on a small
// machine a thread-pool round trip per open/stat/read/close costs more CPU than the read itself
// (10,000 files: 0.2-0.9 s synchronously, 2.6-4.6 s through fs/promises, on 2 cores). It reads at
// most one byte past the limit, so a huge file is refused without being read, and stats only then.
export async function readTaskText(absolute: string): Promise<TaskText> {
  let fd: number | null = null;
  try {
    fd = openSync(absolute, 'r');
    shared ??= Buffer.allocUnsafe(MAX_TASK_FILE_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < shared.length; length += n) n = readSync(fd, shared, length, shared.length - length, null);
    const size = length > MAX_TASK_FILE_BYTES ? fstatSync(fd).size : length;
    return decodeText(shared.subarray(0, length), { maxBytes: MAX_TASK_FILE_BYTES, size });
  } catch (error) {
    return { problem: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, line: 1, column: 1 };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
