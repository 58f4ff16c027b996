import { isJsonObject } from '../core/text/json.js';

// The data sources a step reads or writes, as the plan's one-line summary names them. Readers of
// relational databases give theirs in `connection[].datasource` (DataWorks' MySQL, PostgreSQL and
// Oracle reader pages), others in `parameter.datasource`; an empty name (a template left blank) says
// nothing, so it is left out rather than shown as "()".
export function stepDatasources(parameter: unknown): string[] {
  if (!isJsonObject(parameter)) return [];
  const names: unknown[] = [parameter.datasource];
  if (Array.isArray(parameter.connection)) {
    for (const connection of parameter.connection) if (isJsonObject(connection)) names.push(connection.datasource);
  }
  const found = names.filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  return [...new Set(found)];
}
