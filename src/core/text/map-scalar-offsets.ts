import { Scalar } from 'yaml';

// Where each character of a string scalar's value sits in the YAML source: offsets[k] is the source
// offset of value character k, and offsets[value.length] the place just after the last one. This lets
// a problem found inside a string (taskContent written as JSON) point at its own line and column.
// The value is rebuilt from the source by YAML's rules (escapes, quotes doubled, line folding, block
// indentation) and compared with the parser's value: null when they differ or the style folds lines
// in a way not followed here (folded `>` blocks), and the caller falls back to the scalar's start.
export function mapScalarOffsets(text: string, scalar: Scalar): number[] | null {
  const [start, end] = scalar.range ?? [0, 0];
  const value = String(scalar.value);
  let mapped: Mapped | null;
  if (scalar.type === Scalar.QUOTE_DOUBLE) mapped = mapFlow(text, start + 1, end - 1, 'double');
  else if (scalar.type === Scalar.QUOTE_SINGLE) mapped = mapFlow(text, start + 1, end - 1, 'single');
  else if (scalar.type === Scalar.PLAIN) mapped = mapFlow(text, start, end, 'plain');
  else if (scalar.type === Scalar.BLOCK_LITERAL) mapped = mapBlockLiteral(text, start, end, value);
  else return null;
  if (mapped === null) return null;
  // A block's chomping may drop trailing line breaks the walk produced; everything before must agree.
  const exact = scalar.type === Scalar.BLOCK_LITERAL ? mapped.out.startsWith(value) : mapped.out === value;
  if (!exact) return null;
  const offsets = mapped.offsets.slice(0, value.length);
  offsets.push(mapped.offsets[value.length] ?? mapped.after);
  return offsets;
}

type Mapped = { out: string; offsets: number[]; after: number };

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

// Flow scalars (quoted or plain) between `from` and `to`: a line break folds into a space, or into
// one "\n" per empty line after it; the spaces around a break are dropped; `\` before a break joins lines.
function mapFlow(text: string, from: number, to: number, style: 'double' | 'single' | 'plain'): Mapped | null {
  let out = '';
  const offsets: number[] = [];
  let trimmable = 0; // literal spaces or tabs at the end of out, dropped if a line break follows
  const emit = (chars: string, at: number, space: boolean) => {
    out += chars;
    for (let k = 0; k < chars.length; k++) offsets.push(at);
    trimmable = space ? trimmable + chars.length : 0;
  };
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (c === '\r' || c === '\n') {
      out = out.slice(0, out.length - trimmable);
      offsets.length = out.length;
      trimmable = 0;
      const breakAt = i;
      i = skipBreak(text, i);
      let empty = 0;
      for (;;) {
        while (text[i] === ' ' || text[i] === '\t') i++;
        if (i < to && (text[i] === '\r' || text[i] === '\n')) {
          empty++;
          i = skipBreak(text, i);
        } else break;
      }
      emit(empty === 0 ? ' ' : '\n'.repeat(empty), breakAt, false);
    } else if (style === 'double' && c === '\\') {
      const next = text[i + 1];
      if (next === '\r' || next === '\n') {
        i = skipBreak(text, i + 1);
        while (text[i] === ' ' || text[i] === '\t') i++;
        trimmable = 0;
      } else if (next !== undefined && next in HEX_DIGITS) {
        const digits = HEX_DIGITS[next]!;
        const code = Number.parseInt(text.slice(i + 2, i + 2 + digits), 16);
        if (!Number.isFinite(code)) return null;
        emit(String.fromCodePoint(code), i, false);
        i += 2 + digits;
      } else if (next !== undefined && next in ESCAPES) {
        emit(ESCAPES[next]!, i, false);
        i += 2;
      } else return null;
    } else if (style === 'single' && c === "'" && text[i + 1] === "'") {
      emit("'", i, false);
      i += 2;
    } else {
      emit(c, i, c === ' ' || c === '\t');
      i++;
    }
  }
  return { out, offsets, after: to };
}

function skipBreak(text: string, i: number): number {
  return text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
}

// A literal block: the lines after the header, less the block's indentation, each ending in "\n".
function mapBlockLiteral(text: string, start: number, end: number, value: string): Mapped | null {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd === -1 || headerEnd >= end) return null;
  const lines: { from: number; to: number; breakAt: number }[] = [];
  for (let lineStart = headerEnd + 1; lineStart < end; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    const contentEnd = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    lines.push({ from: lineStart, to: contentEnd, breakAt: lineEnd });
    lineStart = lineEnd + 1;
  }
  const indent = blockIndent(text, lines, value);
  if (indent === null) return null;
  let out = '';
  const offsets: number[] = [];
  for (const line of lines) {
    for (let i = line.from + indent; i < line.to; i++) {
      out += text[i];
      offsets.push(i);
    }
    out += '\n';
    offsets.push(line.to);
  }
  return { out, offsets, after: end };
}

// The block's indentation: the spaces before its first non-blank line, less those that belong to the
// value (an explicit indentation indicator can leave some spaces in the value).
function blockIndent(text: string, lines: readonly { from: number; to: number }[], value: string): number | null {
  const first = lines.find((l) => text.slice(l.from, l.to).trim() !== '');
  if (!first) return 0;
  let spaces = 0;
  while (text[first.from + spaces] === ' ') spaces++;
  const firstValueLine = value.split('\n').find((l) => l.trim() !== '') ?? '';
  const own = firstValueLine.length - firstValueLine.trimStart().length;
  return spaces >= own ? spaces - own : null;
}
