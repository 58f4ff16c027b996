import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessKeyCredential } from '../../../src/dataworks/alicloud-sdk.js';
import { createDataWorks } from '../../../src/dataworks/create-data-works.js';
import type { DataWorks } from '../../../src/ports.js';
import { startEmulator, type Emulator } from '../../../src/emulator/start-emulator.js';
import type { CallRecord } from '../../../src/emulator/emulator-state.js';

// End to end: every operation dwsync speaks goes through the real @alicloud/openapi-client (dwsync's
// own client) to the emulator, and each request and answer the emulator saw on the wire is held
// against the facts copied from the official SDK's models (test/fixtures/dataworks-api). Nothing here
// uses the operation definitions under test: a definition or the emulator that drifts from the SDK fails.

type Tree = string | Tree[] | { [key: string]: Tree };
type Fact = { method: string; request: Record<string, { in: 'query' | 'body'; type: string; style?: string; required: boolean }>; response: Record<string, Tree> };

function isJsonList(value: string): boolean {
  try {
    return Array.isArray(JSON.parse(value));
  } catch {
    return false;
  }
}
type Facts = { operations: Record<string, Fact> };
const readFacts = (version: string) => JSON.parse(readFileSync(new URL(`../../fixtures/dataworks-api/${version}.facts.json`, import.meta.url), 'utf8')) as Facts;
const factsByVersion: Record<string, Facts> = { '2020-05-18': readFacts('2020-05-18'), '2024-05-18': readFacts('2024-05-18') };
const factOf = (call: CallRecord): Fact => factsByVersion[call.version ?? '']!.operations[call.action]!;
const everyFact = Object.entries(factsByVersion).flatMap(([version, f]) => Object.keys(f.operations).map((action) => `${action}@${version}`));

// The gateway's common error fields (Alibaba Cloud OpenAPI error responses), allowed beside a model's own.
const COMMON_ERROR_FIELDS = new Set(['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);

function checkRequest(call: CallRecord, fact: Fact): string[] {
  const problems: string[] = [];
  for (const [position, params] of [['query', call.query], ['body', call.body]] as const) {
    for (const [name, value] of Object.entries(params)) {
      const spec = fact.request[name];
      if (!spec) problems.push(`${call.action}: unknown parameter ${name} in the ${position}`);
      else if (spec.in !== position) problems.push(`${call.action}: ${name} sent in the ${position}, the SDK puts it in the ${spec.in}`);
      else if (spec.type === 'integer' && !/^-?\d+$/.test(value)) problems.push(`${call.action}: ${name}=${value} is not an integer`);
      else if (spec.type === 'boolean' && value !== 'true' && value !== 'false') problems.push(`${call.action}: ${name}=${value} is not a boolean`);
      else if (spec.type === 'array' && !isJsonList(value)) problems.push(`${call.action}: ${name}=${value} is not a JSON list`);
    }
  }
  for (const [name, spec] of Object.entries(fact.request)) {
    if (spec.required && call.query[name] === undefined && call.body[name] === undefined) problems.push(`${call.action}: required ${name} missing`);
  }
  return problems;
}

function checkValue(tree: Tree, value: unknown, at: string): string[] {
  if (value === null) return [];
  if (typeof tree === 'string') {
    const ok = tree === 'integer' ? Number.isInteger(value) : tree === 'string' ? typeof value === 'string' : tree === 'boolean' ? typeof value === 'boolean' : false;
    return ok ? [] : [`${at}: expected ${tree}, got ${JSON.stringify(value)}`];
  }
  if (Array.isArray(tree)) {
    if (!Array.isArray(value)) return [`${at}: expected a list`];
    return value.flatMap((item, i) => checkValue(tree[0]!, item, `${at}[${i}]`));
  }
  if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected an object`];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
    key in tree ? checkValue(tree[key]!, item, `${at}.${key}`) : [`${at}.${key}: not in the model`],
  );
}

function checkAnswer(call: CallRecord, fact: Fact): string[] {
  if (call.answer === undefined) return [`${call.action}: no answer recorded`];
  const answer = call.answer as Record<string, unknown>;
  if (call.status === 200) return checkValue({ ...fact.response, RequestId: 'string' }, answer, call.action);
  // An error: the common error fields, plus the model's own top-level fields of the right types.
  const own = Object.fromEntries(Object.entries(answer).filter(([key]) => !COMMON_ERROR_FIELDS.has(key)));
  return checkValue(fact.response, own, `${call.action} (HTTP ${call.status})`);
}

let emulator: Emulator;
let dataWorks: DataWorks;
beforeAll(async () => {
  emulator = await startEmulator({
    seed: [
      { projectId: 10000, fileId: 1000000, fileName: 'u_pk', resourceGroup: 'S_res_group_1', dataSources: [{ name: 'mysql_pub', type: 'mysql' }] },
      { projectId: 10000, fileId: 1000001 },
    ],
    newStudio: [20000],
    deploymentPolls: 0,
  });
  dataWorks = createDataWorks({ endpoint: emulator.url, region: 'cn-hangzhou', credential: createAccessKeyCredential('emulator', 'emulator') });
});
afterAll(() => emulator.close());

const content = JSON.stringify({ type: 'job', version: '2.0', steps: [], order: { hops: [] } });
const param = JSON.stringify({ ResourceGroup: 'S_res_group_1', Cu: 2 });
const ref = { projectId: 10000, fileId: 1000000 };

// Every port method, so every operation, with its optional parameters both sent and left out.
async function exerciseEveryOperation(): Promise<void> {
  await dataWorks.getProject({ projectId: 10000 });
  await dataWorks.updateDISyncTask({ ...ref, taskContent: content, taskParam: param });
  await dataWorks.updateDISyncTask({ ...ref, taskParam: param });
  await dataWorks.updateDISyncTask({ ...ref });
  await dataWorks.getFile(ref);
  await dataWorks.getFile({ ...ref, fileId: 42 }); // an error answer
  await dataWorks.listFiles({ projectId: 10000, pageNumber: 1, pageSize: 100, fileTypes: '23' });
  await dataWorks.listFiles({ projectId: 10000, pageNumber: 1, pageSize: 50, fileIds: [1000000, 1000001], exactFileName: 'u_pk', folderPath: 'Business Flow' });
  const { fileId } = await dataWorks.createDISyncTask({ projectId: 10000, taskName: 'ods_new', folderPath: 'Business Flow/ods/Data Integration', taskContent: content, taskParam: param, clientToken: 'c-1' });
  await dataWorks.updateFile({
    ...ref,
    fields: {
      CronExpress: '00 */30 * * * ?', CycleType: 'NOT_DAY', RerunMode: 'FAILURE_ALLOWED', AutoRerunTimes: 1, AutoRerunIntervalMillis: 60000, ParaValue: 'a=b',
      InputList: 'p_root', ResourceGroupIdentifier: 'S_res', Stop: true, SchedulerType: 'SKIP', Timeout: 2, StartEffectDate: 1, EndEffectDate: 2,
    },
  });
  await dataWorks.updateFile({ ...ref, fields: { Stop: true } }).catch(() => undefined); // refused: unchanged
  const submitted = await dataWorks.submitFile({ ...ref, comment: 'dwsync' });
  await dataWorks.getDeployment({ projectId: 10000, deploymentId: submitted.deploymentId });
  await dataWorks.getDeployment({ projectId: 10000, deploymentId: submitted.deploymentId });
  const deployed = await dataWorks.deployFile(ref);
  await dataWorks.getDeployment({ projectId: 10000, deploymentId: deployed.deploymentId });
  await dataWorks.deleteFile({ projectId: 10000, fileId });
  await dataWorks.listResourceGroups({ resourceGroupType: 4 });
  await dataWorks.listDataSources({ projectId: 10000, pageNumber: 1, pageSize: 100 });
  // 2024-05-18, on a new-Data-Studio workspace.
  const spec = JSON.stringify({ version: '2.0.0', kind: 'Node', spec: { nodes: [{ name: 'ods_n', script: { path: 'ods/ods_n', runtime: { command: 'DI' }, content } }] } });
  const { nodeId } = await dataWorks.createNode({ projectId: 20000, scene: 'DATAWORKS_PROJECT', spec });
  await dataWorks.updateNode({ projectId: 20000, nodeId, spec });
  await dataWorks.getNode({ projectId: 20000, nodeId });
  await dataWorks.getNode({ projectId: 20000, nodeId: '42' }); // an error answer
  await dataWorks.listNodes({ projectId: 20000, pageNumber: 1, pageSize: 100 });
  await dataWorks.listNodes({ projectId: 20000, pageNumber: 1, pageSize: 10, name: 'ods', scene: 'DATAWORKS_PROJECT' });
  const { pipelineRunId } = await dataWorks.createPipelineRun({ projectId: 20000, objectId: nodeId, type: 'Online', description: 'dwsync' });
  await dataWorks.getPipelineRun({ projectId: 20000, pipelineRunId });
  await dataWorks.execPipelineRunStage({ projectId: 20000, pipelineRunId, code: 'PROD_CHECK' });
  await dataWorks.getPipelineRun({ projectId: 20000, pipelineRunId });
  await dataWorks.deleteNode({ projectId: 20000, nodeId });
  await dataWorks.getWorkspace({ projectId: 20000 });
  await dataWorks.listDataSourcesOfStudio({ projectId: 10000, pageNumber: 1, pageSize: 100, name: 'mysql' });
  await dataWorks.listResourceGroupsOfStudio({ projectId: 20000, pageNumber: 1, pageSize: 100 });
}

describe('conformance: requests and answers on the wire match the SDK models', () => {
  let calls: CallRecord[];
  beforeAll(async () => {
    await exerciseEveryOperation();
    calls = emulator.state.calls;
  });

  it('exercises every operation the facts describe', () => {
    expect([...new Set(calls.map((c) => `${c.action}@${c.version}`))].sort()).toEqual(everyFact.sort());
  });

  it('sends each parameter where the SDK puts it, every required one, no unknown one', () => {
    expect(calls.flatMap((call) => checkRequest(call, factOf(call)))).toEqual([]);
  });

  it('answers only documented fields of documented types, errors included', () => {
    expect(calls.some((c) => c.status !== 200)).toBe(true);
    expect(calls.flatMap((call) => checkAnswer(call, factOf(call)))).toEqual([]);
  });

  it('calls each operation with the SDK method', () => {
    const wrong = calls.filter((call) => call.method !== factOf(call).method).map((c) => `${c.action} ${c.method}`);
    expect(wrong).toEqual([]);
  });

  it('sends each 2024-05-18 operation with x-acs-version 2024-05-18, and a list as the SDK does (ObjectIds as JSON text)', () => {
    const studio = calls.filter((c) => c.parameters.ProjectId === '20000' || c.parameters.Id === '20000');
    expect(studio.length).toBeGreaterThan(0);
    expect(studio.every((c) => c.version === '2024-05-18')).toBe(true);
    const created = calls.find((c) => c.action === 'CreatePipelineRun')!;
    expect(JSON.parse(created.body.ObjectIds!)).toEqual([expect.stringMatching(/^\d{19}$/)]);
  });
});
