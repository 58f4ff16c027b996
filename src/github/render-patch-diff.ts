import type { Operation } from 'fast-json-patch';
import type { JsonValue } from '../core/json.js';
import { SENSITIVE, isSecretPointer, maskSecrets } from '../core/secret-keys.js';

// A patch as the lines of a ```diff block, so a reviewer reads field changes at a glance.
// The plan carries only new values (RFC 6902), so a replaced field shows as "!" with its new value.

export function renderPatchDiff(root: string, patch: readonly Operation[]): string[] {
  const lines: string[] = [];
  for (const op of patch) {
    const where = formatPointer(root, op.path);
    switch (op.op) {
      case 'add':
        lines.push(...prefixLines('+', `${where}: ${formatValue(op.path, op.value)}`));
        break;
      case 'replace':
        lines.push(...prefixLines('!', `${where}: ${formatValue(op.path, op.value)}`));
        break;
      case 'remove':
        lines.push(`- ${where}`);
        break;
      case 'move':
      case 'copy':
        lines.push(`! ${where}: ${op.op} from ${formatPointer(root, op.from)}`);
        break;
      default:
        // "test" and the internal "_get" change nothing.
        break;
    }
  }
  return lines;
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

// The plan masks secrets already; masking again here keeps a comment safe whatever the patch holds.
function formatValue(pointer: string, value: unknown): string {
  if (value === undefined) return 'undefined';
  if (isSecretPointer(pointer)) return JSON.stringify(SENSITIVE);
  value = maskSecrets(value as JsonValue);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value, null, 2);
  return JSON.stringify(value);
}

function prefixLines(mark: string, text: string): string[] {
  return text.split('\n').map((line, i) => (i === 0 ? `${mark} ${line}` : `${mark}   ${line}`));
}
