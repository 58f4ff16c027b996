import { afterAll, afterEach, beforeAll } from 'vitest';
import { prepareRunner, runBundledAction, runPostStep, startBundledAction } from './run-action.js';
import type { ActionRun, RunOptions, Runner, StartedAction } from './run-action.js';

export type BundledAction = {
  // Run after each test, the last added first: servers, emulators and folders the test started.
  cleanups: Array<() => Promise<unknown>>;
  run(options: RunOptions): Promise<ActionRun>;
  start(options: RunOptions): Promise<StartedAction>;
  post(main: ActionRun): Promise<ActionRun>;
};

// For a test file that runs the bundled Action: bundles the current sources once before the first test
// (prepareRunner), removes the runner's folder after the last, and runs the cleanups after each test.
export function useBundledAction(): BundledAction {
  let runner: Runner | undefined;
  const cleanups: Array<() => Promise<unknown>> = [];
  beforeAll(async () => {
    runner = await prepareRunner();
  }, 120_000);
  afterAll(async () => {
    await runner?.cleanup();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const prepared = (): Runner => {
    if (!runner) throw new Error('useBundledAction: the runner is prepared in beforeAll; call run() from a test');
    return runner;
  };
  return {
    cleanups,
    run: (options) => runBundledAction(prepared(), options),
    start: (options) => startBundledAction(prepared(), options),
    post: (main) => runPostStep(prepared(), main),
  };
}
