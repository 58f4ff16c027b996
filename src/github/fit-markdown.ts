// GitHub refuses a comment body over 65,536 characters and a job summary over 1 MiB, so long
// reports keep their head and tail and drop whole sections from the end, with a note saying so.

export const COMMENT_LIMIT = 65_536;
export const SUMMARY_LIMIT = 1_000_000; // the step summary limit is 1 MiB in bytes; leave room for multi-byte text

export type MarkdownParts = {
  head: string;
  sections: string[]; // each ends with its own newlines, joined as is
  tail: string;
};

export function fitMarkdown(parts: MarkdownParts, limit: number, noteOmitted: (omitted: number) => string): string {
  const whole = parts.head + parts.sections.join('') + parts.tail;
  if (whole.length <= limit) return whole;
  let body = parts.head;
  let kept = 0;
  for (const section of parts.sections) {
    const omittedAfter = parts.sections.length - kept - 1;
    const closing = omittedAfter > 0 ? noteOmitted(omittedAfter) + parts.tail : parts.tail;
    if (body.length + section.length + closing.length > limit) break;
    body += section;
    kept += 1;
  }
  const omitted = parts.sections.length - kept;
  const result = body + (omitted > 0 ? noteOmitted(omitted) : '') + parts.tail;
  // Only an enormous head or tail gets here; a hard cut keeps GitHub from refusing the body.
  return result.length <= limit ? result : result.slice(0, limit - 1) + '…';
}
