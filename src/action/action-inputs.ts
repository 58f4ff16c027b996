import { z } from 'zod';
import { UserInputError } from '../errors.js';

// The Action's inputs, as the runner passes them (INPUT_<NAME>, the name upper-cased, dashes kept).

export const ActionInputs = z.object({
  command: z.enum(['plan', 'apply']),
  workingDirectory: z.string().min(1),
  githubToken: z.string(),
  concurrency: z.number().int().positive().optional(),
  qps: z.number().min(0).optional(),
  comment: z.boolean(),
  commitState: z.boolean(),
  refresh: z.boolean(),
  force: z.boolean(),
  prune: z.boolean().optional(), // empty: dwsync.yaml decides
  maxDeletes: z.number().int().min(0).optional(), // empty: dwsync.yaml decides (default 10)
  only: z.array(z.string()),
  state: z.string().optional(),
  workspace: z.number().int().positive().optional(), // one DataWorks workspace (a matrix job per workspace)
  endpoint: z.string().optional(),
  applyBranch: z.string().optional(), // apply runs only on this branch; unset: the default branch
  commentAuthor: z.string().optional(), // the login the token comments as, when GET /user cannot tell (a GitHub App)
  // Seconds of each OIDC role session: STS AssumeRoleWithOIDC takes 900 at least and at most the role's
  // MaxSessionDuration, which RAM lets be 3600 to 43200 (12 h); longer runs renew the session.
  roleSessionDuration: z.number().int().min(900).max(43_200),
});
export type ActionInputs = z.infer<typeof ActionInputs>;

export function parseActionInputs(env: Record<string, string | undefined>): ActionInputs {
  const problems: string[] = [];
  const text = (name: string): string => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  const optionalText = (name: string): string | undefined => text(name) || undefined;
  const flag = (name: string, fallback: boolean): boolean => {
    const value = text(name).toLowerCase();
    if (value === '') return fallback;
    if (['true', 'on', 'yes', '1'].includes(value)) return true;
    if (['false', 'off', 'no', '0'].includes(value)) return false;
    problems.push(`input ${name} must be true/false or on/off, got ${JSON.stringify(text(name))}`);
    return fallback;
  };
  const number = (name: string): number | undefined => {
    const value = text(name);
    if (value === '') return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) problems.push(`input ${name} must be a number, got ${JSON.stringify(value)}`);
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  const raw = {
    command: text('command') || 'plan',
    workingDirectory: text('working-directory') || '.',
    githubToken: text('github-token'),
    concurrency: number('concurrency'),
    qps: number('qps'),
    comment: flag('comment', true),
    commitState: flag('commit-state', true),
    refresh: flag('refresh', false),
    force: flag('force', false),
    prune: text('prune') === '' ? undefined : flag('prune', false),
    maxDeletes: number('max-deletes'),
    only: text('only')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    state: optionalText('state'),
    workspace: number('workspace'),
    endpoint: optionalText('endpoint'),
    applyBranch: optionalText('apply-branch'),
    commentAuthor: optionalText('comment-author'),
    roleSessionDuration: number('role-session-duration') ?? 3600,
  };
  const parsed = ActionInputs.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`input ${toInputName(String(issue.path[0] ?? ''))}: ${issue.message}`);
    }
  }
  if (problems.length > 0 || !parsed.success) {
    throw new UserInputError(`invalid action inputs:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

function toInputName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
