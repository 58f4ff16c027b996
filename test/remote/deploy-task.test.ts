import { describe, expect, it } from 'vitest';
import type { DeployRecord } from '../../src/core/state/state-schema.js';
import { FAIL_DEPLOY_MARKER } from '../../src/emulator/start-emulator.js';
import { RemoteError } from '../../src/errors.js';
import type { ProjectMode } from '../../src/ports.js';
import { deployTask } from '../../src/remote/deploy-task.js';
import { createFakeClock } from '../support/fake-clock.js';
import { callsOf, drive, useEmulatorSession } from './emulator-session.js';

const start = useEmulatorSession();
const ref = { projectId: 10000, fileId: 1 };

async function setUp(mode: ProjectMode, options: { deploymentPolls?: number; taskContent?: string } = {}) {
  const clock = createFakeClock(Date.parse('2026-01-02T03:04:05.000Z'));
  const { emulator, session } = await start(
    { seed: [{ ...ref, taskContent: options.taskContent ?? '{"type":"job"}' }], projectMode: mode, deploymentPolls: options.deploymentPolls ?? 1 },
    clock,
  );
  const stages: DeployRecord[] = [];
  const asked: number[] = [];
  const deps = {
    ...session,
    clock,
    projectMode: async (projectId: number) => (asked.push(projectId), mode),
    recordStage: async (deploy: DeployRecord) => void stages.push(deploy),
  };
  return { emulator, clock, deps, stages, asked };
}

describe('deployTask', () => {
  it('standard mode: SubmitFile, polled to success, then DeployFile, polled; every stage recorded with its deployment ids', async () => {
    const { emulator, clock, deps, stages, asked } = await setUp('standard');

    await drive(clock, deployTask(ref, 'dwsync: abc123', deps));

    const [submit] = callsOf(emulator, 'SubmitFile');
    const [deploy] = callsOf(emulator, 'DeployFile');
    expect(submit).toEqual({ ProjectId: '10000', FileId: '1', Comment: 'dwsync: abc123' });
    expect(deploy).toEqual({ ProjectId: '10000', FileId: '1', Comment: 'dwsync: abc123' });
    const submitId = 1_000_000_001;
    const deployId = 1_000_000_002;
    // Submit: ready (1 poll), checking (1 poll), done; deploy: ready, done.
    expect(callsOf(emulator, 'GetDeployment').map((p) => Number(p.DeploymentId))).toEqual([submitId, submitId, submitId, deployId, deployId]);
    expect(clock.sleeps).toEqual([200, 300, 200]);
    expect(stages.map(({ at: _at, ...stage }) => stage)).toEqual([
      { stage: 'submitted', submitDeploymentId: submitId },
      { stage: 'deploying', submitDeploymentId: submitId },
      { stage: 'deploying', submitDeploymentId: submitId, deployDeploymentId: deployId },
      { stage: 'deployed', submitDeploymentId: submitId, deployDeploymentId: deployId },
    ]);
    expect(stages.map((s) => s.at)).toEqual(['2026-01-02T03:04:05.000Z', '2026-01-02T03:04:05.500Z', '2026-01-02T03:04:05.500Z', '2026-01-02T03:04:05.700Z']);
    expect(asked).toEqual([10000]);
    expect(emulator.state.tasks.get('10000/1')).toMatchObject({ committed: true, deployed: true });
  });

  it('basic mode: SubmitFile alone makes the file live; no DeployFile is sent', async () => {
    const { emulator, clock, deps, stages } = await setUp('basic', { deploymentPolls: 0 });
    await drive(clock, deployTask(ref, 'c', deps));
    expect(callsOf(emulator, 'DeployFile')).toEqual([]);
    expect(stages.map((s) => s.stage)).toEqual(['submitted', 'deployed']);
    expect(stages[1]).toEqual({ stage: 'deployed', submitDeploymentId: 1_000_000_001, at: stages[1]!.at });
  });

  it('a failed deployment throws <Stage>.Failed with the service message, after recording only what happened', async () => {
    const { clock, deps, stages } = await setUp('standard', { taskContent: `{"type":"job","note":"${FAIL_DEPLOY_MARKER}"}` });
    const err = await drive(clock, deployTask(ref, 'c', deps)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect(err).toMatchObject({
      code: 'SubmitFile.Failed',
      message: `SubmitFile deployment 1000000001 failed: Deployment failed: file 1 was marked to fail (${FAIL_DEPLOY_MARKER}).`,
      retryable: false,
    });
    expect(stages.map((s) => s.stage)).toEqual(['submitted']);
  });

  it('a failed pre-publish check (CheckingStatus 7) fails the submit with the check\'s message', async () => {
    const { emulator, clock, deps } = await setUp('standard');
    emulator.failNext({ kind: 'check-failure', message: 'code check: table t_x is missing' });
    const err = await drive(clock, deployTask(ref, 'c', deps)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SubmitFile.Failed', message: 'SubmitFile deployment 1000000001 failed: code check: table t_x is missing' });
    expect(callsOf(emulator, 'DeployFile')).toEqual([]);
  });

  it('gives up after ten minutes of pending, polling with waits growing 1.5 times up to 5 s', async () => {
    const { emulator, clock, deps } = await setUp('standard', { deploymentPolls: 100_000 });
    const began = clock.now();
    const err = await drive(clock, deployTask(ref, 'c', deps)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SubmitFile.Timeout', message: 'SubmitFile deployment 1000000001 still pending after 10 minutes', retryable: false });
    expect(clock.sleeps.slice(0, 8)).toEqual([200, 300, 450, 675, 1012.5, 1518.75, 2278.125, 3417.1875]);
    expect(clock.sleeps.slice(8).every((ms) => ms === 5000)).toBe(true);
    // The last poll is the first one past ten minutes.
    const elapsedBeforeLastSleep = clock.sleeps.slice(0, -1).reduce((a, b) => a + b, 0);
    expect(elapsedBeforeLastSleep).toBeLessThanOrEqual(600_000);
    expect(clock.now() - began).toBeGreaterThan(600_000);
    expect(callsOf(emulator, 'GetDeployment')).toHaveLength(clock.sleeps.length + 1);
  });
});
