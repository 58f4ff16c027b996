import { formatPointer } from '../core/text/format-path.js';
import { SENSITIVE } from '../core/task/secret-keys.js';
import type { FieldChange, FieldSection } from './plan-view.js';

// The one place a changed field becomes lines, for the terminal and the pull request alike: the
// dotted path under the section ("taskContent.steps[0].parameter.table", the form validation
// problems use), "+" added, "-" removed (with the value it had), "!" replaced (old → new) or moved
// or copied (from where). Objects are pretty-printed over several lines, each carrying the mark.
// The media only frame these lines: the terminal indents and colours them, markdown fences them.

export type FieldLine = { op: FieldChange['op']; text: string };

export function renderFieldLines(section: FieldSection): FieldLine[] {
  const root = section.title.replace(' ', '.');
  return section.fields.flatMap((field) => renderField(root, field).map((text) => ({ op: field.op, text })));
}

// The lines of a ```diff block.
export function renderFieldDiff(section: FieldSection): string[] {
  return renderFieldLines(section).map((line) => line.text);
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

// Values come masked from the plan view.
function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (value === SENSITIVE) return JSON.stringify(SENSITIVE);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value, null, 2);
  return JSON.stringify(value);
}

function prefixLines(mark: string, text: string): string[] {
  return text.split('\n').map((line, i) => (i === 0 ? `${mark} ${line}` : `${mark}   ${line}`));
}
