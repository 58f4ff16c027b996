// Scheduling parameters as a task file writes them (ParaValue on 2020-05-18: "x=a y=b z=c", the SDK
// model's example): space-separated name=value pairs. The value is literal text ($yyyymmdd,
// $[yyyymmdd-1], ${bizdate}) and may hold "=" itself; only the first "=" splits.

export type SchedulingParameter = { name: string; value: string };

// A well-formed token begins with a name and "=": a name cannot hold "=", so it is all before the first one.
const PAIR = /^[A-Za-z_][\w.-]*=/;

// The space-separated tokens of the text, none empty.
function tokens(text: string): string[] {
  return text.match(/\S+/g) ?? [];
}

export function parseParameters(text: string): SchedulingParameter[] {
  return tokens(text).map((token) => {
    const at = token.indexOf('=');
    return { name: token.slice(0, at), value: token.slice(at + 1) };
  });
}

export function formatParameters(parameters: readonly SchedulingParameter[]): string {
  return parameters.map(({ name, value }) => `${name}=${value}`).join(' ');
}

// The first token that is not name=value, or null.
export function findMalformedParameter(text: string): string | null {
  return tokens(text).find((token) => !PAIR.test(token)) ?? null;
}
