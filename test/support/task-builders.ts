// Builders for task file text: a valid document, and ways to vary it.
export const validTaskYaml = `projectId: 10000
fileId: 1000001
taskParam:
  ResourceGroup: S_res_group_XXX_XXXX
  Cu: 2
taskContent:
  type: job
  version: "2.0"
  steps:
    - stepType: mysql
      category: reader
      name: Reader
      parameter: {datasource: mysql_pub, table: [u_pk], column: [id]}
    - stepType: odps
      category: writer
      name: Writer
      parameter: {datasource: odps_first, table: u_pk, partition: "pt=\${bizdate}"}
  setting:
    errorLimit: {record: ""}
    speed: {concurrent: 2, throttle: false}
  order:
    hops: [{from: Reader, to: Writer}]
`;

export function withLine(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`builder: ${from} not in text`);
  return text.replace(from, to);
}
