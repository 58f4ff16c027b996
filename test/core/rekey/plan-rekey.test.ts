import { describe, expect, it } from 'vitest';
import { planRekey, type RekeyInput } from '../../../src/core/rekey/plan-rekey.js';
import type { TaskRecord } from '../../../src/core/state/state-schema.js';
import { buildNodeTask, buildTask } from '../../support/build-task.js';
import { anAppliedRecord } from '../../support/state-builders.js';

const ORDERS = '7000000000000000001';
const USERS = '7000000000000000002';
const nodes = [
  { id: ORDERS, name: 'ods_orders', path: 'ods/ods_orders' },
  { id: USERS, name: 'ods_users', path: 'ods/ods_users' },
];

function header(fileId: number, name: string): string {
  return `# Imported by dwsync from DataWorks project 10000, file ${fileId}: Business Flow/ods/Data Integration/${name}\n`;
}

const orders = buildTask({ fileId: 11, file: 'jobs/ods/orders.yaml' });
const users = buildTask({ fileId: 12, file: 'jobs/ods/users.yaml' });
const texts = new Map([
  [orders.file, `${header(11, 'ods_orders')}projectId: 10000\nfileId: 11\n`],
  [users.file, `${header(12, 'ods_users')}projectId: 10000\nfileId:   12 # kept\n`],
]);

function input(overrides: Partial<RekeyInput> = {}): RekeyInput {
  return { projectId: 10000, tasks: [orders, users], texts, records: {}, nodes, map: new Map(), ...overrides };
}

describe('planRekey', () => {
  it('rewrites each matched task file to name its node, and moves each record to the node key with its history', () => {
    const record = { ...anAppliedRecord(orders.file), fileId: 11 } as TaskRecord;
    const plan = planRekey(input({ records: { '10000/11': record } }));
    const { fileId: _fileId, ...history } = record;
    expect(plan.moves).toEqual([
      { file: orders.file, fileId: 11, nodeId: ORDERS, by: 'name', recordMoved: true, fromKey: '10000/11', toKey: `10000/${ORDERS}`, record: history },
      { file: users.file, fileId: 12, nodeId: USERS, by: 'name', recordMoved: false, fromKey: '10000/12', toKey: `10000/${USERS}`, record: null },
    ]);
    expect([...plan.files]).toEqual([
      [orders.file, `${header(11, 'ods_orders')}projectId: 10000\nnodeId: "${ORDERS}"\n`],
      [users.file, `${header(12, 'ods_users')}projectId: 10000\nnodeId:   "${USERS}" # kept\n`],
    ]);
    expect(plan.unmatched).toEqual([]);
    expect(plan.ambiguous).toEqual([]);
  });

  it('re-keys only the legacy tasks of the workspace asked for', () => {
    const other = buildTask({ projectId: 10001, fileId: 11, file: 'jobs/other/orders.yaml' });
    const plan = planRekey(input({ tasks: [orders, other, buildNodeTask({ projectId: 10000, nodeId: '9' })] }));
    expect(plan.moves.map((m) => m.file)).toEqual([orders.file]);
    expect([...plan.files.keys()]).toEqual([orders.file]);
  });

  it('names the task file of each unmatched and ambiguous task', () => {
    const twin = buildTask({ fileId: 13, file: 'jobs/ods/twin.yaml' });
    const lost = buildTask({ fileId: 14, file: 'jobs/ods/lost.yaml' });
    const both = [...nodes, { id: '3', name: 'ods_orders', path: 'dws/ods_orders' }, { id: '4', name: 'ods_orders', path: 'ads/ods_orders' }];
    const plan = planRekey(input({ tasks: [twin, lost], texts: new Map([[twin.file, header(13, 'ods_orders').replace('Business Flow/ods/Data Integration', 'x')]]), nodes: both }));
    expect(plan.unmatched).toEqual([{ file: lost.file, fileId: 14, reason: expect.stringMatching(/no import header/) as string }]);
    expect(plan.ambiguous).toEqual([{ file: twin.file, fileId: 13, nodeIds: [ORDERS, '3', '4'] }]);
    expect(plan.moves).toEqual([]);
  });

  it('does not give a task a node that another task file already names', () => {
    const plan = planRekey(input({ tasks: [orders, buildNodeTask({ projectId: 10000, nodeId: ORDERS })] }));
    expect(plan.moves).toEqual([]);
    expect(plan.files.size).toBe(0);
    expect(plan.unmatched).toEqual([{ file: orders.file, fileId: 11, reason: `node ${ORDERS} already has a task file of its own (10000/${ORDERS})` }]);
  });

  it('gives a task a node whose id a task file of another workspace names', () => {
    const plan = planRekey(input({ tasks: [orders, buildNodeTask({ projectId: 20000, nodeId: ORDERS })] }));
    expect(plan.moves.map((m) => m.nodeId)).toEqual([ORDERS]);
  });

  it('finishes a rekey that stopped after moving the record: the record under the node key is kept', () => {
    const record = anAppliedRecord(orders.file);
    const plan = planRekey(input({ tasks: [orders], records: { [`10000/${ORDERS}`]: record } }));
    expect(plan.moves).toMatchObject([{ fileId: 11, recordMoved: true, record }]);
    expect(plan.unmatched).toEqual([]);
  });

  it('finishes a rekey that stopped before removing the old record: both keys hold the same record', () => {
    const record = anAppliedRecord(orders.file);
    const plan = planRekey(input({ tasks: [orders], records: { '10000/11': { ...record, fileId: 11 } as TaskRecord, [`10000/${ORDERS}`]: record } }));
    expect(plan.moves).toMatchObject([{ fileId: 11, recordMoved: true, record }]);
    expect(plan.unmatched).toEqual([]);
  });

  it('refuses a task whose file key and node key hold different records', () => {
    const records = { '10000/11': anAppliedRecord(orders.file, 'req-old'), [`10000/${ORDERS}`]: anAppliedRecord(orders.file, 'req-new') };
    const plan = planRekey(input({ tasks: [orders], records }));
    expect(plan.moves).toEqual([]);
    expect(plan.files.size).toBe(0);
    expect(plan.unmatched).toEqual([
      { file: orders.file, fileId: 11, reason: `the state holds records under both 10000/11 and 10000/${ORDERS}: remove the one that is wrong` },
    ]);
  });

  it('reports a task whose file has no top-level fileId to replace', () => {
    const plan = planRekey(input({ tasks: [orders], texts: new Map([[orders.file, `${header(11, 'ods_orders')}projectId: 10000\nx: {fileId: 11}\n`]]) }));
    expect(plan.moves).toEqual([]);
    expect(plan.unmatched).toEqual([{ file: orders.file, fileId: 11, reason: `found no top-level "fileId: 11" to replace in ${orders.file}` }]);
  });

  it('applies every re-keyed task of one file to that file’s text', () => {
    const first = buildTask({ fileId: 11, file: 'jobs/ods/both.yaml' });
    const second = buildTask({ fileId: 12, file: 'jobs/ods/both.yaml' });
    const text = `${header(11, 'ods_orders')}${header(12, 'ods_users')}projectId: 10000\nfileId: 11\n---\nprojectId: 10000\nfileId: 12\n`;
    const plan = planRekey(input({ tasks: [first, second], texts: new Map([[first.file, text]]) }));
    expect([...plan.files.values()]).toEqual([text.replace('fileId: 11', `nodeId: "${ORDERS}"`).replace('fileId: 12', `nodeId: "${USERS}"`)]);
  });
});
