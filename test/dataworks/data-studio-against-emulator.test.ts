import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessKeyCredential } from '../../src/dataworks/alicloud-sdk.js';
import { createDataWorks } from '../../src/dataworks/create-data-works.js';
import { RemoteError } from '../../src/errors.js';
import { startEmulator, type Emulator } from '../../src/emulator/start-emulator.js';
import type { DataWorks } from '../../src/ports.js';

// The 2024-05-18 port methods through the real SDK to the emulator over HTTP.

const STUDIO = 20000;
const LEGACY = 10000;
let emulator: Emulator;
let dataWorks: DataWorks;
beforeAll(async () => {
  emulator = await startEmulator({ seed: [{ projectId: LEGACY, fileId: 1000000 }], newStudio: [STUDIO], deploymentPolls: 0 });
  dataWorks = createDataWorks({ endpoint: emulator.url, region: 'cn-hangzhou', credential: createAccessKeyCredential('emulator', 'emulator') });
});
afterAll(() => emulator.close());

const job = (table: string) => JSON.stringify({ type: 'job', version: '2.0', steps: [{ stepType: 'mysql', parameter: { table } }], order: { hops: [] } });
const flowSpec = (node: Record<string, unknown>) => JSON.stringify({ version: '2.0.0', kind: 'Node', spec: { nodes: [node] } });
const diNode = (name: string) => ({
  name,
  recurrence: 'Normal',
  rerunMode: 'Allowed',
  script: { path: `ods/${name}`, language: 'di', runtime: { command: 'DI' }, content: job('a') },
  trigger: { type: 'Scheduler', cron: '00 00 01 * * ?' },
  runtimeResource: { resourceGroup: 'S_res_group_emulator' },
});

describe('nodes', () => {
  it('creates, reads, lists, updates incrementally and deletes a node', async () => {
    const { nodeId } = await dataWorks.createNode({ projectId: STUDIO, scene: 'DATAWORKS_PROJECT', spec: flowSpec(diNode('ods_users')) });
    expect(nodeId).toMatch(/^\d{19}$/);
    const { node } = await dataWorks.getNode({ projectId: STUDIO, nodeId });
    expect(node).toMatchObject({ nodeId, name: 'ods_users', taskId: null });
    const spec = JSON.parse(node!.spec);
    expect(spec.spec.nodes[0]).toMatchObject({ id: nodeId, script: { path: 'ods/ods_users', content: job('a') } });

    // Only the content and the cron are sent: the rest is kept; script.content is replaced as a whole.
    await dataWorks.updateNode({ projectId: STUDIO, nodeId, spec: flowSpec({ id: nodeId, script: { content: job('b') }, trigger: { cron: '00 30 02 * * ?' } }) });
    const after = JSON.parse((await dataWorks.getNode({ projectId: STUDIO, nodeId })).node!.spec);
    expect(after.spec.nodes[0]).toMatchObject({
      name: 'ods_users',
      rerunMode: 'Allowed',
      script: { path: 'ods/ods_users', runtime: { command: 'DI' }, content: job('b') },
      trigger: { type: 'Scheduler', cron: '00 30 02 * * ?' },
      runtimeResource: { resourceGroup: 'S_res_group_emulator' },
    });
    expect(emulator.state.studio.nodes.get(`${STUDIO}/${nodeId}`)?.updates).toBe(1);

    const listed = await dataWorks.listNodes({ projectId: STUDIO, pageNumber: 1, pageSize: 100, name: 'users', scene: 'DATAWORKS_PROJECT' });
    expect(listed).toMatchObject({ totalCount: 1, nodes: [{ nodeId, name: 'ods_users', path: 'ods/ods_users', command: 'DI' }] });

    await dataWorks.deleteNode({ projectId: STUDIO, nodeId });
    expect((await dataWorks.getNode({ projectId: STUDIO, nodeId })).node).toBeNull();
  });

  it('refuses a Spec that is not a Node, a second node of the same name, and a change of node type', async () => {
    await expect(dataWorks.createNode({ projectId: STUDIO, scene: 'DATAWORKS_PROJECT', spec: JSON.stringify({ kind: 'CycleWorkflow', spec: { nodes: [diNode('x')] } }) })).rejects.toMatchObject({
      code: 'InvalidParameter',
      message: expect.stringContaining('spec kind and request not match'),
    });
    const { nodeId } = await dataWorks.createNode({ projectId: STUDIO, scene: 'DATAWORKS_PROJECT', spec: flowSpec(diNode('twice')) });
    await expect(dataWorks.createNode({ projectId: STUDIO, scene: 'DATAWORKS_PROJECT', spec: flowSpec(diNode('twice')) })).rejects.toMatchObject({ code: 'Invalid.Node.NameExists', retryable: false });
    await expect(dataWorks.updateNode({ projectId: STUDIO, nodeId, spec: flowSpec({ script: { runtime: { command: 'ODPS_SQL' } } }) })).rejects.toBeInstanceOf(RemoteError);
  });
});

describe('pipeline runs', () => {
  async function runToEnd(objectId: string, type: 'Online' | 'Offline') {
    const { pipelineRunId } = await dataWorks.createPipelineRun({ projectId: STUDIO, objectId, type, description: 'dwsync' });
    for (let i = 0; i < 10; i++) {
      const run = await dataWorks.getPipelineRun({ projectId: STUDIO, pipelineRunId });
      if (run.status !== 'pending') return run;
      const next = run.stages.find((s) => s.status === 'Init');
      if (next) await dataWorks.execPipelineRunStage({ projectId: STUDIO, pipelineRunId, code: next.code });
    }
    throw new Error('the run did not end');
  }

  it('deploys a node through BUILD_PACKAGE, PROD_CHECK and PROD, then undeploys it', async () => {
    const { nodeId } = await dataWorks.createNode({ projectId: STUDIO, scene: 'DATAWORKS_PROJECT', spec: flowSpec(diNode('deployed_one')) });
    const run = await runToEnd(nodeId, 'Online');
    expect(run).toMatchObject({ status: 'success', errorMessage: null });
    expect(run.stages.map((s) => `${s.code}:${s.status}`)).toEqual(['BUILD_PACKAGE:Success', 'PROD_CHECK:Success', 'PROD:Success']);
    const node = emulator.state.studio.nodes.get(`${STUDIO}/${nodeId}`)!;
    expect(node.deployed).toBe(true);
    expect((await dataWorks.getNode({ projectId: STUDIO, nodeId })).node?.taskId).toBe(node.taskId);
    expect((await runToEnd(nodeId, 'Offline')).status).toBe('success');
    expect(node.deployed).toBe(false);
  });

  it('a stage made to fail ends the run as failed with its Message; a stage cannot be skipped', async () => {
    const { nodeId } = await dataWorks.createNode({ projectId: STUDIO, scene: 'DATAWORKS_PROJECT', spec: flowSpec(diNode('failing_one')) });
    emulator.failNext({ kind: 'stage-failure', stage: 'PROD_CHECK', message: 'checker said no' }, { action: 'CreatePipelineRun' });
    const run = await runToEnd(nodeId, 'Online');
    expect(run).toMatchObject({ status: 'failed', errorMessage: 'checker said no' });
    expect(emulator.state.studio.nodes.get(`${STUDIO}/${nodeId}`)?.deployed).toBe(false);

    const { pipelineRunId } = await dataWorks.createPipelineRun({ projectId: STUDIO, objectId: nodeId, type: 'Online' });
    await expect(dataWorks.execPipelineRunStage({ projectId: STUDIO, pipelineRunId, code: 'PROD' })).rejects.toMatchObject({ code: 'InvalidParameter', retryable: false });
  });
});

describe('the other generation', () => {
  it('refuses a 2020 file operation on a new-Data-Studio workspace, and a 2024 node operation on a legacy one, neither retryable', async () => {
    await expect(dataWorks.listFiles({ projectId: STUDIO, pageNumber: 1, pageSize: 10 })).rejects.toMatchObject({
      status: 400,
      code: 'Invalid.DataStudio.LegacyApi',
      retryable: false,
      message: expect.stringContaining('Code does not exist'),
    });
    await expect(dataWorks.createNode({ projectId: LEGACY, scene: 'DATAWORKS_PROJECT', spec: flowSpec(diNode('nope')) })).rejects.toMatchObject({
      status: 400,
      code: 'Invalid.DataStudio.NotEnabled',
      retryable: false,
    });
  });

  it('answers the workspace, data source and resource group reads of both versions in either generation', async () => {
    await expect(dataWorks.getWorkspace({ projectId: STUDIO })).resolves.toMatchObject({ name: `emulator_${STUDIO}`, status: 'Available', devEnvironmentEnabled: true });
    await expect(dataWorks.getProject({ projectId: STUDIO })).resolves.toMatchObject({ mode: 'standard' });
    await expect(dataWorks.getWorkspace({ projectId: LEGACY })).resolves.toMatchObject({ status: 'Available' });
    const groups = await dataWorks.listResourceGroupsOfStudio({ projectId: STUDIO, pageNumber: 1, pageSize: 100 });
    expect(groups.groups).toContainEqual({ identifier: 'S_res_group_emulator', name: 'emulator default', type: 'CommonV2', isDefault: false });
    emulator.state.dataSources.set(STUDIO, [{ name: 'mysql_pub', type: 'mysql' }]);
    await expect(dataWorks.listDataSourcesOfStudio({ projectId: STUDIO, pageNumber: 1, pageSize: 100 })).resolves.toMatchObject({
      totalCount: 1,
      dataSources: [{ name: 'mysql_pub', type: 'mysql', envType: null }],
    });
  });

  it('records the version of every call', () => {
    const versions = new Set(emulator.state.calls.map((c) => `${c.action}@${c.version}`));
    expect(versions).toContain('CreateNode@2024-05-18');
    expect(versions).toContain('ListFiles@2020-05-18');
    expect(versions).toContain('GetProject@2020-05-18');
    expect(versions).toContain('GetProject@2024-05-18');
  });
});
