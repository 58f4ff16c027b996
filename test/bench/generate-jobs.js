// Realistic task files for the benchmark, reproducible from a seed: the same (count, seed) always
// writes byte-identical files. Sources and sinks follow what DataWorks teams run most: MySQL into
// MaxCompute above all, then PostgreSQL, SQL Server, Oracle and OSS, into MaxCompute, Hologres or MySQL.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const PROJECT_ID = 10000;
export const FIRST_FILE_ID = 2_000_000;

// mulberry32: tiny, fast and good enough to pick names and shapes.
export function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUTES = [
  { weight: 55, reader: 'mysql', writer: 'odps', folder: 'ods/mysql' },
  { weight: 12, reader: 'postgresql', writer: 'odps', folder: 'ods/pg' },
  { weight: 8, reader: 'sqlserver', writer: 'odps', folder: 'ods/mssql' },
  { weight: 7, reader: 'oracle', writer: 'odps', folder: 'ods/oracle' },
  { weight: 8, reader: 'mysql', writer: 'holo', folder: 'rt/holo' },
  { weight: 5, reader: 'oss', writer: 'odps', folder: 'ods/oss' },
  { weight: 5, reader: 'odps', writer: 'mysql', folder: 'dws/export' },
];
const TOTAL_WEIGHT = ROUTES.reduce((sum, route) => sum + route.weight, 0);
const WORDS = ['user', 'order', 'item', 'payment', 'refund', 'coupon', 'shop', 'address', 'invoice', 'stock', 'sku', 'campaign', 'member', 'ticket', 'event', 'device', 'region', 'channel', 'supplier', 'shipment'];
const COLUMN_WORDS = ['id', 'name', 'status', 'amount', 'price', 'qty', 'type', 'code', 'remark', 'city', 'phone', 'email', 'level', 'score', 'source', 'channel', 'tag', 'version', 'flag', 'owner', 'note', 'total', 'rate', 'unit'];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function pickRoute(random) {
  let n = random() * TOTAL_WEIGHT;
  for (const route of ROUTES) if ((n -= route.weight) < 0) return route;
  return ROUTES[0];
}

function columnsFor(random) {
  const count = 12 + Math.floor(random() * 9); // 12 to 20
  const columns = ['id'];
  while (columns.length < count - 2) {
    const name = `${pick(random, COLUMN_WORDS)}_${pick(random, COLUMN_WORDS)}`;
    if (!columns.includes(name)) columns.push(name);
  }
  return [...columns, 'gmt_create', 'gmt_modified'];
}

function readerParameter(route, table, columns, random) {
  const list = `[${columns.join(', ')}]`;
  switch (route.reader) {
    case 'oss':
      return [`datasource: oss_logs`, `object: ["logs/${table}/\${bizdate}/*"]`, `fileFormat: csv`, `fieldDelimiter: ","`, `encoding: UTF-8`, `column: [${columns.map((_, i) => `{index: ${i}, type: string}`).join(', ')}]`];
    case 'odps':
      return [`datasource: odps_first`, `table: dws_${table}`, `partition: ["pt=\${bizdate}"]`, `column: ${list}`];
    default:
      return [
        `datasource: ${route.reader}_${pick(random, ['pub', 'trade', 'crm', 'erp'])}`,
        `table: [${table}]`,
        `column: ${list}`,
        `where: "gmt_modified >= '\${bizdate}'"`,
        `splitPk: id`,
        ...(route.reader === 'mysql' ? ['encoding: UTF-8'] : [`fetchSize: ${pick(random, [256, 512, 1024])}`]),
        ...(random() < 0.1 ? [`password: "${Math.floor(random() * 1e9).toString(36)}"`] : []),
      ];
  }
}

function writerParameter(route, table, columns) {
  const list = `[${columns.join(', ')}]`;
  switch (route.writer) {
    case 'holo':
      return [`datasource: holo_rt`, `table: public.${table}`, `column: ${list}`, `writeMode: replay`, `conflictMode: update`];
    case 'mysql':
      return [`datasource: mysql_report`, `table: [rpt_${table}]`, `column: ${list}`, `writeMode: replace`, `preSql: ["delete from rpt_${table} where ds='\${bizdate}'"]`];
    default:
      return [`datasource: odps_first`, `table: ods_${table}`, `partition: pt=\${bizdate}`, `column: ${list}`, `truncate: true`, `emptyAsNull: false`];
  }
}

// One task file's text. `variant` changes the speed setting, the way a routine edit would.
export function renderTask(index, random, variant = 0) {
  const route = pickRoute(random);
  const table = `${pick(random, WORDS)}_${pick(random, WORDS)}_${index}`;
  const columns = columnsFor(random);
  const concurrent = 1 + Math.floor(random() * 4) + variant;
  const indent = (lines) => lines.map((line) => `        ${line}`).join('\n');
  return `# ${route.reader} -> ${route.writer}: ${table}
projectId: ${PROJECT_ID}
fileId: ${FIRST_FILE_ID + index}
taskType: DI_OFFLINE
description: ${table} daily load from ${route.reader} to ${route.writer}
taskParam:
  ResourceGroup: S_res_group_${pick(random, ['523', '871'])}_${1000 + Math.floor(random() * 9000)}
  Cu: ${pick(random, [0.5, 1, 2, 4])}
taskContent:
  type: job
  version: "2.0"
  steps:
    - stepType: ${route.reader}
      category: reader
      name: Reader
      parameter:
${indent(readerParameter(route, table, columns, random))}
    - stepType: ${route.writer}
      category: writer
      name: Writer
      parameter:
${indent(writerParameter(route, table, columns))}
  setting:
    errorLimit: {record: "${pick(random, ['', '0', '100'])}"}
    speed: {concurrent: ${concurrent}, throttle: false}
  order:
    hops: [{from: Reader, to: Writer}]
`;
}

function taskRandom(seed, index) {
  return createRandom(seed * 1_000_003 + index);
}

// The folder follows the route, as teams sort their jobs; 500 files a folder at most.
export function taskFilePath(index, seed) {
  const route = pickRoute(taskRandom(seed, index));
  return `${route.folder}/${String(Math.floor(index / 500)).padStart(3, '0')}/task_${String(index).padStart(6, '0')}.yaml`;
}

// Writes `count` task files under dir/jobs; returns their relative paths (from dir).
export async function generateJobs(dir, { count, seed }) {
  const files = [];
  const folders = new Set();
  for (let start = 0; start < count; start += 256) {
    const batch = [];
    for (let index = start; index < Math.min(count, start + 256); index++) {
      const file = path.join('jobs', taskFilePath(index, seed));
      const absolute = path.join(dir, file);
      const folder = path.dirname(absolute);
      if (!folders.has(folder)) {
        folders.add(folder);
        await mkdir(folder, { recursive: true });
      }
      batch.push(writeFile(absolute, renderTask(index, taskRandom(seed, index))));
      files.push(file);
    }
    await Promise.all(batch);
  }
  return files;
}

// Edits `share` of the files (at least one), chosen from the seed: their speed setting changes.
export async function editJobs(dir, files, { share, seed }) {
  const random = createRandom(seed ^ 0x5eed);
  const count = Math.max(1, Math.round(files.length * share));
  const chosen = new Set();
  while (chosen.size < count) chosen.add(Math.floor(random() * files.length));
  for (const index of chosen) {
    const absolute = path.join(dir, files[index]);
    const text = await readFile(absolute, 'utf8');
    const edited = text.replace(/concurrent: (\d+)/, (_, n) => `concurrent: ${Number(n) + 5}`);
    await writeFile(absolute, edited);
  }
  return count;
}
