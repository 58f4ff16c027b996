import type { CommentsPort, IssueComment } from '../ports.js';

// One dwsync comment per pull request, kind and working directory, found again by a hidden marker
// on its first line and edited in place, so pushes never pile up comments. Only a comment written
// by the token's own identity is adopted: anyone can paste the marker into a comment of their own.


export type UpsertResult = { action: 'created' | 'updated' | 'unchanged'; id: number; url: string | null };

export type CommentKind = 'plan' | 'apply';

export function formatCommentMarker(workingDirectory: string, kind: CommentKind = 'plan'): string {
  const dir = normalizeDirectory(workingDirectory);
  // "--" cannot appear inside an HTML comment; a directory holding it still gets a distinct marker.
  return dir === '.' ? `<!-- dwsync:${kind} -->` : `<!-- dwsync:${kind}:${dir.replace(/--/g, '-\\-')} -->`;
}

export function normalizeDirectory(workingDirectory: string): string {
  const dir = workingDirectory
    .replace(/\\/g, '/')
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  return dir === '' ? '.' : dir;
}

// Only the first line counts: a reply quoting our comment carries the marker after "> ".
export function findStickyComment(comments: readonly IssueComment[], marker: string, author: string): IssueComment | undefined {
  return comments.find((c) => c.user?.login === author && (c.body ?? '').split('\n', 1)[0]?.trim() === marker);
}

export async function upsertStickyComment(port: CommentsPort, marker: string, content: string, author: string): Promise<UpsertResult> {
  const body = `${marker}\n${content}`;
  const existing = findStickyComment(await port.listComments(), marker, author);
  if (existing === undefined) {
    const created = await port.createComment(body);
    return { action: 'created', id: created.id, url: created.html_url ?? null };
  }
  if (existing.body === body) return { action: 'unchanged', id: existing.id, url: existing.html_url ?? null };
  const updated = await port.updateComment(existing.id, body);
  return { action: 'updated', id: updated.id, url: updated.html_url ?? existing.html_url ?? null };
}
