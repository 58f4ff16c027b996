import { SENSITIVE } from '../core/task/secret-keys.js';
import type { FieldChange, FieldSection } from './plan-view.js';

// A section of field changes as the lines of a ```diff block, old → new as the terminal shows them:
// "+" added, "-" removed (with the value it had), "!" replaced (old → new).

export function renderFieldDiff(section: FieldSection): string[] {
  const root = section.title.replace(' ', '.');
  const lines: string[] = [];
  for (const field of section.fields) lines.push(...renderField(root, field));
  return lines;
}

function renderField(root: string, field: FieldChange): string[] {
  const where = formatPointer(root, field.path);
  switch (field.op) {
    case 'add':
      return prefixLines('+', `${where}: ${formatValue(field.after)}`);
    case 'remove':
      return prefixLines('-', field.before === undefined ? where : `${where}: ${formatValue(field.before)}`);
    case 'replace':
      return prefixLines('!', `${where}: ${formatValue(field.before)} → ${formatValue(field.after)}`);
    default:
      return [`! ${where}: ${field.op} from ${formatPointer(root, field.from ?? '')}`];
  }
}

// "/steps/0/parameter/table" under "taskContent" → "taskContent.steps[0].parameter.table",
// the same dotted form validation problems use.
export function formatPointer(root: string, pointer: string): string {
  if (pointer === '') return root;
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = root;
  for (const token of tokens) {
    if (/^(0|[1-9][0-9]*|-)$/.test(token)) out += `[${token}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(token)) out += `.${token}`;
    else out += `[${JSON.stringify(token)}]`;
  }
  return out;
}

// Values come masked from the plan view; objects are pretty-printed over several lines.
function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (value === SENSITIVE) return JSON.stringify(SENSITIVE);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value, null, 2);
  return JSON.stringify(value);
}

function prefixLines(mark: string, text: string): string[] {
  return text.split('\n').map((line, i) => (i === 0 ? `${mark} ${line}` : `${mark}   ${line}`));
}
