// The floor a plan is compared with: a bare script that only finds, reads and YAML-parses the same
// task files (every document to plain JS), with nothing else. Usage: node read-parse-floor.js DIR
// It reads synchronously, the fastest way to read many small files (dwsync reads them that way too).
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const dir = process.argv[2];
const entries = await readdir(dir, { recursive: true, withFileTypes: true });
const files = entries.filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name)).map((e) => path.join(e.parentPath, e.name));
let documents = 0;
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) if (doc.toJS() !== null) documents++;
}
process.stdout.write(`${JSON.stringify({ files: files.length, documents })}\n`);
