// Plain UTF-16 code-unit order, not localeCompare: sorted output must not depend on the machine's locale.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
