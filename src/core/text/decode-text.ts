import { findPosition } from './source-lines.js';

// The bytes of a task file or dwsync.yaml → its text, or why it cannot be YAML text: too large,
// binary (a NUL byte), or not UTF-8, located at the first bad byte. A byte-order mark is kept in the
// text (the YAML parser skips it), so offsets count from the first byte.
export type DecodedText = { text: string } | { problem: string; line: number; column: number };

export type DecodeLimit = {
  maxBytes: number;
  // The file's whole size, when the reader stopped past maxBytes without reading it all.
  size?: number;
};

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeText(bytes: Uint8Array, limit: DecodeLimit): DecodedText {
  if (bytes.length > limit.maxBytes) {
    const found = Math.max(limit.size ?? 0, bytes.length);
    return atStart(`file too large: expected at most ${formatByteCount(limit.maxBytes)} (${limit.maxBytes} bytes), found ${found} bytes`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return atStart(`binary file: expected YAML text, found a NUL byte at byte ${nul}`);
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return describeInvalidUtf8(bytes);
  }
}

function atStart(problem: string): DecodedText {
  return { problem, line: 1, column: 1 };
}

// 1048576 → "1 MiB", 65536 → "64 KiB".
function formatByteCount(count: number): string {
  if (count % (1024 * 1024) === 0) return `${count / (1024 * 1024)} MiB`;
  if (count % 1024 === 0) return `${count / 1024} KiB`;
  return `${count} bytes`;
}

// Located in characters, as every other problem: the bytes before the bad one are valid UTF-8.
function describeInvalidUtf8(bytes: Uint8Array): DecodedText {
  const at = findInvalidUtf8(bytes);
  const before = new TextDecoder().decode(bytes.subarray(0, at));
  // The bad byte is never ASCII (0x80 and up): two hex digits without padding.
  const hex = (bytes[at] ?? 0).toString(16);
  return { problem: `invalid UTF-8: expected UTF-8 text, found byte 0x${hex}`, ...findPosition(before, before.length) };
}

// The offset of the first byte that does not start or continue a valid UTF-8 sequence. Each byte past
// ASCII is taken as the lead of a sequence as long as its range says, and the strict decoder judges the
// sequence: a continuation byte or a lead that cannot start one (0xc0, 0xc1, 0xf5 and up), an overlong
// or surrogate sequence, or one cut short by the end, fails at its first byte.
function findInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    if (length > 1) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
      } catch {
        return i;
      }
    }
    i += length;
  }
  return bytes.length;
}
