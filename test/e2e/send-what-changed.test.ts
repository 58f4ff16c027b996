import { describe, expect, it } from 'vitest';

import { taskYaml } from '../support/task-yaml.js';
import { useE2e } from '../support/e2e-setup.js';
import type { E2e } from '../support/e2e-setup.js';

const setup = useE2e();

// Which of TaskContent and TaskParam each UpdateDISyncTask carried, as the emulator received it.
function sent(env: E2e): string[][] {
  return env.emulator.state.calls
    .filter((c) => c.action === 'UpdateDISyncTask')
    .map((c) => ['TaskContent', 'TaskParam'].filter((name) => name in c.parameters));
}

describe('apply sends what changed', () => {
  it('a first apply sends both; then only the changed one; the emulator keeps the other', async () => {
    const env = await setup(1);
    const [task] = env.tasks;
    expect((await env.dwsync(['apply'])).code).toBe(0);

    await env.repo.write(task!.file, taskYaml({ ...task!, taskParam: { ...task!.taskParam, Cu: 4 } }));
    expect((await env.dwsync(['apply'])).code).toBe(0);
    const content = { ...task!.taskContent, setting: { errorLimit: { record: '0' }, speed: { concurrent: 3, throttle: false } } };
    await env.repo.write(task!.file, taskYaml({ ...task!, taskParam: { ...task!.taskParam, Cu: 4 }, taskContent: content }));
    expect((await env.dwsync(['apply'])).code).toBe(0);

    expect(sent(env)).toEqual([['TaskContent', 'TaskParam'], ['TaskParam'], ['TaskContent']]);
    const stored = env.emulator.state.tasks.get(task!.key)!;
    expect(JSON.parse(stored.taskContent)).toEqual(content);
    expect(JSON.parse(stored.taskParam)).toEqual({ ...task!.taskParam, Cu: 4 });
  });

  it('--force over drift sends both', async () => {
    const env = await setup(1);
    const [task] = env.tasks;
    expect((await env.dwsync(['apply'])).code).toBe(0);
    env.emulator.editTask(task!, { taskContent: JSON.stringify({ ...task!.taskContent, edited: true }) });
    await env.repo.write(task!.file, taskYaml({ ...task!, taskParam: { ...task!.taskParam, Cu: 4 } }));
    expect((await env.dwsync(['apply', '--refresh', '--force'])).code).toBe(0);
    expect(sent(env)).toEqual([['TaskContent', 'TaskParam'], ['TaskContent', 'TaskParam']]);
  });

  it('warns, naming the task file, when the encoded TaskContent passes the documented threshold', async () => {
    const env = await setup(2);
    const [big] = env.tasks;
    const columns = Array.from({ length: 120 }, (_, i) => `column_with_a_long_name_${i}`);
    const content = { ...big!.taskContent, steps: (big!.taskContent.steps as Array<Record<string, unknown>>).map((s) => ({ ...s, parameter: { ...(s.parameter as object), column: columns } })) };
    await env.repo.write(big!.file, taskYaml({ ...big!, taskContent: content }));
    const run = await env.dwsync(['apply']);
    expect(run.code, run.stderr).toBe(0);
    const warnings = run.stderr.split('\n').filter((l) => l.includes('query string'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(big!.file);
    expect(warnings[0]).toContain('does not publish its limit');
  });
});
