import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { formatDirectorySlug } from './step-context.js';
import type { StepContext } from './step-context.js';

// A file of this step under RUNNER_TEMP (plan JSON, apply JSON, the state kept as an artifact), named
// so that several dwsync steps in one job do not overwrite each other's; its folder exists.
export async function prepareStepFile(ctx: StepContext, name: 'plan' | 'apply' | 'state'): Promise<string> {
  const file = path.join(ctx.github.runnerTemp, 'dwsync', `${name}${formatDirectorySlug(ctx.directory)}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  return file;
}

export async function writeStepJson(ctx: StepContext, name: 'plan' | 'apply', value: unknown): Promise<string> {
  const file = await prepareStepFile(ctx, name);
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
  return file;
}
