import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ApplyReport, PlanReport } from '../../src/core/plan/report.js';
import type { JsonObject } from '../../src/core/text/json.js';
import { useE2e } from '../support/e2e-setup.js';
import { readRealWorldJob, realWorldJobs } from '../support/real-world-jobs.js';
import { stripJsonComments } from '../support/strip-json-comments.js';

// The published jobs that are JSON once their comments are out (test/fixtures/real-world), through the
// built CLI against the emulator: validate, plan, apply, plan --refresh, then import into an empty jobs
// folder. Judged by what the emulator holds and by the imported files as YAML alone reads them.

const setup = useE2e();
const GROUP = 'S_res_group_1_1';
const jobs = realWorldJobs
  .filter((job) => job.jsonOnceCommentsRemoved)
  .map((job, i) => ({ id: job.id, fileId: 3000001 + i, content: JSON.parse(stripJsonComments(readRealWorldJob(job.id)).text) as JsonObject }));

type HeldTask = { projectId: number; fileId: number; taskContent: string; taskParam: string };

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((f) => f.endsWith('.yaml')).map((f) => path.join(dir, f));
}

describe('real-world jobs against the emulator', () => {
  it('validate, plan and apply as written; a refreshed plan is clean; import writes them back exactly', async () => {
    const env = await setup(jobs.length, {
      task: (i) => ({ fileId: jobs[i]!.fileId, file: `jobs/real/${jobs[i]!.id}.yaml`, taskContent: jobs[i]!.content, taskParam: { ResourceGroup: GROUP } }),
    });

    const validated = await env.dwsync(['validate']);
    expect(validated.code, validated.stderr).toBe(0);
    const plan = JSON.parse((await env.dwsync(['plan', '--json'])).stdout) as PlanReport;
    expect(plan.summary).toMatchObject({ update: jobs.length, orphaned: 0 });

    const applied = await env.dwsync(['apply', '--json']);
    expect(applied.code, applied.stderr).toBe(0);
    expect((JSON.parse(applied.stdout) as ApplyReport).summary).toMatchObject({ applied: jobs.length, failed: 0 });

    // What the emulator holds: each job's JSON as published, key order included.
    const held = (await (await fetch(`${env.emulator.url}/__emulator/tasks`)).json()) as HeldTask[];
    for (const job of jobs) {
      const task = held.find((t) => t.fileId === job.fileId);
      expect(task?.taskContent, job.id).toBe(JSON.stringify(job.content));
      expect(JSON.parse(task!.taskParam), job.id).toEqual({ ResourceGroup: GROUP });
    }

    const refreshed = await env.dwsync(['plan', '--refresh', '--detailed-exitcode']);
    expect(refreshed.code, refreshed.stdout + refreshed.stderr).toBe(0);

    await rm(path.join(env.repo.dir, 'jobs'), { recursive: true });
    await env.repo.commit('remove the task files, to import them');
    const imported = await env.dwsync(['import', '--project-id', '10000']);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`Import: ${jobs.length} written`);

    const files = await yamlFiles(path.join(env.repo.dir, 'jobs'));
    const byFileId = new Map<number, { taskContent: unknown; taskParam: unknown }>();
    for (const file of files) {
      const doc = parse(await readFile(file, 'utf8')) as { fileId: number; taskContent: unknown; taskParam: unknown };
      byFileId.set(doc.fileId, doc);
    }
    for (const job of jobs) {
      const doc = byFileId.get(job.fileId);
      expect(JSON.stringify(doc?.taskContent), job.id).toBe(JSON.stringify(job.content));
      expect(doc?.taskParam, job.id).toEqual({ ResourceGroup: GROUP });
    }
  });

  it('carry transformer steps (flatmap, named by displayName) through apply and import unchanged', async () => {
    const content: JsonObject = {
      type: 'job',
      version: '2.0',
      steps: [
        { stepType: 'odps', category: 'reader', name: 'Reader', parameter: { datasource: 'odps_first', table: 'docs', column: ['id', 'body'] } },
        { stepType: 'embedding-transformer', category: 'flatmap', displayName: 'Embedding', parameter: {} },
        { stepType: 'milvus', category: 'writer', name: 'Writer', parameter: { datasource: 'milvus_vec' } },
      ],
      order: { hops: [{ from: 'Reader', to: 'Embedding' }, { from: 'Embedding', to: 'Writer' }] },
    };
    const env = await setup(1, { task: () => ({ fileId: 3100001, file: 'jobs/vector/docs.yaml', taskContent: content, taskParam: { ResourceGroup: GROUP } }) });
    const applied = await env.dwsync(['apply', '--json']);
    expect(applied.code, applied.stderr).toBe(0);
    const held = (await (await fetch(`${env.emulator.url}/__emulator/tasks`)).json()) as HeldTask[];
    expect(held.find((t) => t.fileId === 3100001)?.taskContent).toBe(JSON.stringify(content));

    await rm(path.join(env.repo.dir, 'jobs'), { recursive: true });
    await env.repo.commit('remove the task file, to import it');
    const imported = await env.dwsync(['import', '--project-id', '10000']);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    const [file] = await yamlFiles(path.join(env.repo.dir, 'jobs'));
    expect(JSON.stringify((parse(await readFile(file!, 'utf8')) as { taskContent: unknown }).taskContent)).toBe(JSON.stringify(content));
  });
});
