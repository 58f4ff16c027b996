// The floor a plan is compared with: a bare script that only finds, reads and YAML-parses the same
// task files (every document to plain JS), with nothing else. Usage: node read-parse-floor.js DIR
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const dir = process.argv[2];
const entries = await readdir(dir, { recursive: true, withFileTypes: true });
const files = entries.filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name)).map((e) => path.join(e.parentPath, e.name));
let documents = 0;
const width = 32;
for (let i = 0; i < files.length; i += width) {
  const texts = await Promise.all(files.slice(i, i + width).map((file) => readFile(file, 'utf8')));
  for (const text of texts) for (const doc of parseAllDocuments(text)) if (doc.toJS() !== null) documents++;
}
process.stdout.write(`${JSON.stringify({ files: files.length, documents })}\n`);
