import { readFileSync } from 'node:fs';
import path from 'node:path';

// Every way a FlowSpec document departs from the FlowSpec classes (test/fixtures/flowspec/
// flowspec.facts.json, copied from aliyun/dataworks-spec with its commit): a key the class lacks, a
// value of the wrong type, an enum value the enum lacks, a version it does not define. [] when none.

type Facts = { versions: string[]; root: string; objects: Record<string, Record<string, string | [string]>>; enums: Record<string, string[]> };
const facts = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/flowspec/flowspec.facts.json'), 'utf8')) as Facts;

export function flowSpecDepartures(text: string): string[] {
  const doc = JSON.parse(text) as Record<string, unknown>;
  const found: string[] = [];
  if (!facts.versions.includes(String(doc['version']))) found.push(`version: ${JSON.stringify(doc['version'])} is not one of ${facts.versions.join(', ')}`);
  check(doc, facts.root, '', found);
  return found;
}

function check(value: unknown, type: string | [string], at: string, found: string[]): void {
  if (Array.isArray(type)) {
    if (!Array.isArray(value)) return void found.push(`${at}: expected a list`);
    value.forEach((item, i) => check(item, type[0], `${at}[${i}]`, found));
  } else if (type === 'string' || type === 'boolean') {
    if (typeof value !== type) found.push(`${at}: expected a ${type}, got ${JSON.stringify(value)}`);
  } else if (type === 'integer') {
    if (!Number.isInteger(value)) found.push(`${at}: expected an integer, got ${JSON.stringify(value)}`);
  } else if (facts.enums[type]) {
    if (!facts.enums[type].includes(value as string)) found.push(`${at}: ${JSON.stringify(value)} is not a ${type} (${facts.enums[type].join(', ')})`);
  } else {
    const fields = facts.objects[type]!;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return void found.push(`${at}: expected a ${type} object`);
    for (const [key, inner] of Object.entries(value)) {
      const field = fields[key];
      if (field === undefined) found.push(`${at}.${key}: ${type} has no such field`);
      else check(inner, field, `${at}.${key}`, found);
    }
  }
}
