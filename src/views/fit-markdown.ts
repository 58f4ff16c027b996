// GitHub refuses a comment body over 65,536 characters and a job summary over 1 MiB (in bytes, so
// CJK text at 3 bytes a character fills it three times faster). Long reports keep their head and
// tail and drop whole sections from the end, with a note saying so.

export const COMMENT_LIMIT = 65_536; // characters
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

export type MarkdownParts = {
  head: string;
  sections: string[]; // each ends with its own newlines, joined as is
  tail: string;
};

export type Measure = 'chars' | 'bytes';

export function measureText(text: string, measure: Measure): number {
  return measure === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}

export function fitMarkdown(parts: MarkdownParts, limit: number, noteOmitted: (omitted: number) => string, measure: Measure = 'chars'): string {
  const size = (text: string) => measureText(text, measure);
  const whole = parts.head + parts.sections.join('') + parts.tail;
  if (size(whole) <= limit) return whole;
  let body = parts.head;
  let bodySize = size(body);
  let kept = 0;
  for (const section of parts.sections) {
    const omittedAfter = parts.sections.length - kept - 1;
    const closing = omittedAfter > 0 ? noteOmitted(omittedAfter) + parts.tail : parts.tail;
    const sectionSize = size(section);
    if (bodySize + sectionSize + size(closing) > limit) break;
    body += section;
    bodySize += sectionSize;
    kept += 1;
  }
  const omitted = parts.sections.length - kept;
  const result = body + (omitted > 0 ? noteOmitted(omitted) : '') + parts.tail;
  // Only an enormous head or tail gets here; a hard cut keeps GitHub from refusing the body.
  return size(result) <= limit ? result : cutTo(result, limit - size('…'), measure) + '…';
}

// The longest prefix within the limit that ends on a whole character.
function cutTo(text: string, limit: number, measure: Measure): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    const next = measureText(char, measure);
    if (used + next > limit) break;
    used += next;
    end += char.length;
  }
  return text.slice(0, end);
}
