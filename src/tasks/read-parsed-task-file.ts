import path from 'node:path';
import { parseTaskFile, type ParsedTaskFile } from '../core/task/parse-task-file.js';
import { readTaskText } from './read-task-text.js';

// One task file read and parsed; a file that cannot be read is a located problem, not an exception.
export async function readParsedTaskFile(root: string, file: string, readText: typeof readTaskText = readTaskText): Promise<ParsedTaskFile> {
  const read = await readText(path.join(root, file));
  if ('problem' in read) return { tasks: [], problems: [{ file, line: read.line, column: read.column, path: '', message: read.problem }], warnings: [] };
  return parseTaskFile(read.text, file);
}
