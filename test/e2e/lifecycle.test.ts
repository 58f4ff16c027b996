import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { PlanReport } from '../../src/core/report.js';
import { setupE2e } from '../support/e2e-setup.js';
import type { E2e } from '../support/e2e-setup.js';

// Creating and retiring tasks from git, end to end: the built CLI over real HTTP against the emulator,
// judged by what the emulator received and holds, and by the state file a fresh process reads.

const opened: E2e[] = [];
afterEach(async () => {
  for (const env of opened.splice(0)) await env.cleanup();
});

async function setup(...args: Parameters<typeof setupE2e>): Promise<E2e> {
  const env = await setupE2e(...args);
  opened.push(env);
  return env;
}

const json = <T>(text: string) => JSON.parse(text) as T;

async function readStateTasks(env: E2e): Promise<Record<string, { fileId?: number; applied: unknown }>> {
  const text = await readFile(path.join(env.repo.dir, '.dwsync/state.json'), 'utf8');
  // Format 2 is a header line and one line per task; format 1 one document.
  const lines = text.trim().split('\n');
  if (lines.length > 1 && !text.trimStart().startsWith('{\n')) {
    return Object.fromEntries(lines.slice(1).map((line) => json<{ key: string; record: { fileId?: number; applied: unknown } }>(line)).map((l) => [l.key, l.record]));
  }
  return json<{ tasks: Record<string, { fileId?: number; applied: unknown }> }>(text).tasks;
}

describe('--prune and its safety valve', () => {
  it('plan --prune shows deletions of what dwsync applied only; apply past --max-deletes stops before any call', async () => {
    // Four tasks; the emulator knows the first three, so the fourth's update fails: never applied.
    const env = await setup(4, { seedCount: 3 });
    const first = await env.dwsync(['apply', '--json']);
    expect(first.code, first.stderr).toBe(3);
    for (const task of [env.tasks[0]!, env.tasks[1]!, env.tasks[3]!]) await rm(path.join(env.repo.dir, task.file));

    const plain = json<PlanReport>((await env.dwsync(['plan', '--json'])).stdout);
    expect(plain.summary).toEqual({ create: 0, update: 0, unchanged: 1, orphaned: 3 });

    const pruned = await env.dwsync(['plan', '--prune', '--json']);
    expect(pruned.code, pruned.stderr).toBe(0);
    const plan = json<PlanReport>(pruned.stdout);
    expect(plan.summary).toEqual({ create: 0, update: 0, unchanged: 1, orphaned: 1, delete: 2 });
    expect(plan.changes.map((c) => [c.key, c.action])).toEqual([
      [env.tasks[0]!.key, 'delete'],
      [env.tasks[1]!.key, 'delete'],
      [env.tasks[2]!.key, 'unchanged'],
      [env.tasks[3]!.key, 'orphaned'],
    ]);

    const callsBefore = (await env.calls()).length;
    const refused = await env.dwsync(['apply', '--prune', '--max-deletes', '1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--prune would delete 2 tasks, more than --max-deletes 1');
    expect((await env.calls()).length).toBe(callsBefore);
    const refusedPlan = await env.dwsync(['plan', '--prune', '--max-deletes', '1']);
    expect(refusedPlan.code).toBe(1);
    expect(Object.keys(await readStateTasks(env)).sort()).toEqual(env.tasks.map((t) => t.key).sort());
  });
});
