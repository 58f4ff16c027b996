// A script as DataWorks' documentation prints it, with its comments (`//`, `#` to the end of the line,
// `/* ... */`) taken out and every line kept, and where the first comment was. Strings are skipped,
// so "http://..." stays. Written for the tests, apart from dwsync's own JSON reading, so that a test
// of how dwsync treats comments does not use dwsync's idea of where they are.
export function stripJsonComments(text: string): { text: string; firstComment: number | null } {
  let out = '';
  let firstComment: number | null = null;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (text.startsWith('//', i) || c === '#' || text.startsWith('/*', i)) {
      firstComment ??= i;
      const block = text.startsWith('/*', i);
      const end = block ? text.indexOf('*/', i + 2) + 2 : text.indexOf('\n', i);
      const stop = end <= 1 || end === -1 ? text.length : end;
      out += block ? text.slice(i, stop).replace(/[^\n]/g, '') : '';
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return { text: out, firstComment };
}
