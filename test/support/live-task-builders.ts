import type { JsonObject } from '../../src/core/text/json.js';
import type { TaskSeed } from '../../src/emulator/start-emulator.js';

// Realistic job JSON as the DataWorks code editor holds it, varied by index: MySQL, PostgreSQL, OSS
// and ODPS readers; ODPS, MySQL and Hologres writers; scheduling parameters and a password.
export function liveContent(i: number): JsonObject {
  const readers: JsonObject[] = [
    { stepType: 'mysql', parameter: { envType: 1, datasource: 'mysql_pub', column: ['id', 'name', 'gmt_modified'], connection: [{ datasource: 'mysql_pub', table: [`t_${i}`] }], where: "gmt_modified >= '${bizdate}'", splitPk: 'id', encoding: 'UTF-8' }, name: 'Reader', category: 'reader' },
    { stepType: 'postgresql', parameter: { datasource: 'pg_crm', column: ['id', 'email'], table: [`crm.c_${i}`], username: 'sync', password: `pw-${i}-secret`, jdbcUrl: 'jdbc:postgresql://10.0.0.5:5432/crm' }, name: 'Reader', category: 'reader' },
    { stepType: 'oss', parameter: { datasource: 'oss_logs', object: [`logs/${i}/\${bizdate}/*`], fileFormat: 'csv', fieldDelimiter: ',', column: [{ index: 0, type: 'string' }, { index: 1, type: 'long' }] }, name: 'Reader', category: 'reader' },
    { stepType: 'odps', parameter: { datasource: 'odps_first', table: `ods_${i}`, partition: ['pt=$[yyyymmdd-1]'], column: ['*'] }, name: 'Reader', category: 'reader' },
  ];
  const writers: JsonObject[] = [
    { stepType: 'odps', parameter: { partition: 'pt=${bizdate}', truncate: true, datasource: 'odps_first', column: ['id', 'name'], emptyAsNull: false, table: `ods_${i}` }, name: 'Writer', category: 'writer' },
    { stepType: 'mysql', parameter: { datasource: 'mysql_rpt', table: [`rpt_${i}`], column: ['id', 'v'], writeMode: 'replace', preSql: ["delete from rpt where ds='${bizdate}'"], batchSize: 1024 }, name: 'Writer', category: 'writer' },
    { stepType: 'holo', parameter: { datasource: 'holo_dw', table: `public.h_${i}`, column: ['id'], conflictMode: 'update', truncate: false }, name: 'Writer', category: 'writer' },
  ];
  return {
    type: 'job',
    version: '2.0',
    steps: [readers[i % readers.length]!, writers[i % writers.length]!],
    setting: { executeMode: null, errorLimit: { record: i % 2 === 0 ? '' : '0' }, speed: { concurrent: 1 + (i % 4), throttle: i % 5 === 0, ...(i % 5 === 0 ? { mbps: '10' } : {}) } },
    order: { hops: [{ from: 'Reader', to: 'Writer' }] },
  };
}

export function liveSeed(i: number, overrides: Partial<TaskSeed> = {}): TaskSeed {
  const flows = ['ods', 'dws', '订单 流程'];
  return {
    projectId: 10000,
    fileId: 2_000_000 + i,
    fileName: `di_task_${i}`,
    fileFolderPath: `Business Flow/${flows[i % flows.length]}/Data Integration`,
    taskContent: JSON.stringify(liveContent(i)),
    taskParam: JSON.stringify({ ResourceGroup: `S_res_group_${100 + (i % 3)}` }),
    ...overrides,
  };
}
