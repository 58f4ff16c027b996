import { escapeHtml, inlineCode } from './markdown-text.js';
import type { Problem } from '../core/problem.js';
import type { MarkdownParts } from './fit-markdown.js';
import { renderProblemsMarkdown } from './render-problems-markdown.js';

// The line under a comment's or summary's title that says what it is: which commit, which run,
// which plan, and whether it worked. A reader of an old comment can tell it is old.

export type StepStatus = {
  commit: string | null;
  runUrl: string | null;
  digest?: string;
};

export function formatStatusLine(icon: string, verdict: string, status: StepStatus): string {
  const parts = [`${icon} **${verdict}**${status.commit ? ` for commit ${inlineCode(shortSha(status.commit))}` : ''}`];
  if (status.digest) parts.push(`plan digest ${inlineCode(status.digest)}`);
  if (status.runUrl) parts.push(`[run](${status.runUrl})`);
  return parts.join(' · ');
}

// Why a step failed: its message, and the located problems of the input, when it was the input.
export type StepFailure = { message: string; problems: readonly Problem[] };

// A failed step in markdown: the status line, the reason, then any located problems, each its own
// section so a byte budget drops whole ones.
export function renderFailureMarkdown(title: string, verdict: string, status: StepStatus, failure: StepFailure): MarkdownParts {
  const head = [
    `### ${title}`,
    '',
    formatStatusLine('❌', verdict, status),
    '',
    `**Reason:** ${escapeHtml(failure.message)}`,
    '',
    '',
  ].join('\n');
  return { head, sections: renderProblemsMarkdown(failure.problems), tail: '' };
}

export function shortSha(sha: string): string {
  return sha.slice(0, 12);
}
