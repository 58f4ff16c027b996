import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/start-emulator.js';
import { callWithSdk, callWithSdkFailing } from './call-with-sdk.js';

// Starting the emulator: its options checked all at once, where it listens, its defaults, the
// test-facing methods, and closing it.

const started: Emulator[] = [];
afterEach(async () => {
  for (const em of started.splice(0)) await em.close();
});

async function start(options: EmulatorOptions = {}) {
  const em = await startEmulator(options);
  started.push(em);
  return em;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('startEmulator', () => {
  it('refuses invalid options with every problem in one user-input error', async () => {
    const error = await startEmulator({
      port: 70_000,
      latencyMs: -1,
      qps: -1,
      failRate: 1.5,
      quotaAfter: 2.5,
      deploymentPolls: -1,
      seed: [{ projectId: 1, fileId: 1 }, { projectId: 1.5, fileId: 2 }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as Error).message).toBe(
      'invalid emulator options: port must be 0..65535, got 70000; latencyMs must be >= 0, got -1; qps must be >= 0, got -1; ' +
        'failRate must be within 0..1, got 1.5; quotaAfter must be a whole number >= 0, got 2.5; ' +
        'deploymentPolls must be a whole number >= 0, got -1; seed ids must be positive integers, got 1.5/2',
    );
  });

  it('accepts the edges of each range', async () => {
    const em = await start({ port: 0, latencyMs: 0, qps: 0, failRate: 1, quotaAfter: 0, deploymentPolls: 0, seed: [{ projectId: 1, fileId: Number.MAX_SAFE_INTEGER }] });
    expect(em.state.tasks.has(`1/${Number.MAX_SAFE_INTEGER}`)).toBe(true);
  });

  it('listens on 127.0.0.1 at the port asked for, or a free one for 0', async () => {
    const port = await freePort();
    const em = await start({ port });
    expect([em.port, em.url]).toEqual([port, `http://127.0.0.1:${port}`]);
    const any = await start();
    expect(any.port).toBeGreaterThan(0);
    expect(any.url).toBe(`http://127.0.0.1:${any.port}`);
    await expect(startEmulator({ port })).rejects.toThrow(/EADDRINUSE/);
  });

  it('seeds tasks and sets the tenant groups from its options, and its clock dates them', async () => {
    const em = await start({ seed: [{ projectId: 5, fileId: 50 }], resourceGroups: ['S_only'], now: () => 42 });
    expect(em.state.tasks.get('5/50')?.lastModified).toBe(42);
    expect(em.state.resourceGroups.map((g) => g.identifier)).toEqual(['S_only']);
    expect(em.state.resourceGroupsSet).toBe(true);
    expect(em.seedTask({ projectId: 5, fileId: 51 }).lastModified).toBe(42);
    expect(em.editTask({ projectId: 5, fileId: 50 }, { taskContent: '{"type":"job"}' })).toMatchObject({ lastModified: 42, deployed: false });
  });

  it('answers with the defaults: the emulator key, a standard workspace, two pending polls', async () => {
    const em = await start({ seed: [{ projectId: 10000, fileId: 1000000 }] });
    const project = await callWithSdk(em.url, 'GetProject', { ProjectId: 10000 });
    expect((project.body.Data as { ProjectMode: number }).ProjectMode).toBe(3);
    em.editTask({ projectId: 10000, fileId: 1000000 }, { taskContent: '{"type":"job"}' });
    const submitted = await callWithSdk(em.url, 'SubmitFile', { ProjectId: 10000, FileId: 1000000 });
    const deploymentId = submitted.body.Data as number;
    const polls: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await callWithSdk(em.url, 'GetDeployment', { ProjectId: 10000, DeploymentId: deploymentId });
      polls.push((answer.body.Data as { Deployment: { Status: number } }).Deployment.Status);
    }
    expect(polls).toEqual([0, 0, 1]);
  });

  it('takes a request line far over Node’s 16 KiB header limit, as the SDK puts TaskContent in the query', async () => {
    const em = await start();
    const big = 'x'.repeat(200_000);
    const res = await fetch(`${em.url}/?Action=GetProject&Version=2020-05-18&TaskContent=${big}`, { method: 'POST' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ Code: 'IncompleteSignature' });
  });

  it('close() cuts a call held by a hang fault, stops listening, and may be called again', async () => {
    const em = await start();
    em.failNext({ kind: 'hang', ms: 60_000 });
    const pending = callWithSdk(em.url, 'GetProject', { ProjectId: 10000 }).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 50));
    const first = em.close();
    expect(em.close()).toBe(first);
    await first;
    expect(await pending).toBe('cut');
    expect(em.state.calls).toEqual([]);
    const after = await callWithSdkFailing(em.url, 'GetProject', { ProjectId: 10000 });
    expect(after.code ?? after.name).toMatch(/ECONNREFUSED/);
  });
});
