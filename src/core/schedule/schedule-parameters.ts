// Scheduling parameters as a task file writes them (ParaValue on 2020-05-18: "x=a y=b z=c", the SDK
// model's example): space-separated name=value pairs. The value is literal text ($yyyymmdd,
// $[yyyymmdd-1], ${bizdate}) and may hold "=" itself; only the first "=" splits.

export type SchedulingParameter = { name: string; value: string };

const NAME = /^[A-Za-z_][\w.-]*$/;

export function parseParameters(text: string): SchedulingParameter[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((token) => token !== '')
    .map((token) => {
      const at = token.indexOf('=');
      return { name: token.slice(0, at), value: token.slice(at + 1) };
    });
}

export function formatParameters(parameters: readonly SchedulingParameter[]): string {
  return parameters.map(({ name, value }) => `${name}=${value}`).join(' ');
}

// The first token that is not name=value, or null.
export function findMalformedParameter(text: string): string | null {
  for (const token of text.trim().split(/\s+/)) {
    if (token === '') continue;
    const at = token.indexOf('=');
    if (at <= 0 || !NAME.test(token.slice(0, at))) return token;
  }
  return null;
}
