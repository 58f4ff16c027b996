import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareStepFile, writeStepJson } from '../../src/action/step-file.js';
import type { StepContext } from '../../src/action/step-context.js';
import { useTempDir } from '../support/temp-dir.js';

// A step's files under RUNNER_TEMP, named so that several dwsync steps in one job keep their own.

const tempDir = useTempDir('dwsync-step-file-');

async function context(directory: string): Promise<{ ctx: StepContext; temp: string }> {
  const temp = path.join(await tempDir(), 'runner temp');
  return { ctx: { github: { runnerTemp: temp }, directory } as unknown as StepContext, temp };
}

describe('step files', () => {
  it('are named after the step alone at the workspace root, and after the directory elsewhere', async () => {
    const { ctx, temp } = await context('.');
    expect(await prepareStepFile(ctx, 'plan')).toBe(path.join(temp, 'dwsync', 'plan.json'));
    const nested = { ...ctx, directory: 'infra/data jobs/ä' };
    expect(await prepareStepFile(nested, 'state')).toBe(path.join(temp, 'dwsync', 'state-infra_data_jobs_-b1f7e8f7.json'));
    expect(await prepareStepFile({ ...ctx, directory: 'a.b-c_d' }, 'apply')).toBe(path.join(temp, 'dwsync', 'apply-a.b-c_d.json'));
  });

  it('have their folder made, even when RUNNER_TEMP does not exist yet', async () => {
    const { ctx, temp } = await context('infra');
    await prepareStepFile(ctx, 'apply');
    expect((await stat(path.join(temp, 'dwsync'))).isDirectory()).toBe(true);
  });

  it('hold the value as indented JSON ending in a newline, replaced on the next write', async () => {
    const { ctx } = await context('infra');
    await writeStepJson(ctx, 'plan', { old: true });
    const file = await writeStepJson(ctx, 'plan', { summary: { update: 1 }, changes: [] });
    expect(await readFile(file, 'utf8')).toBe('{\n  "summary": {\n    "update": 1\n  },\n  "changes": []\n}\n');
  });
});
