import { posix } from 'node:path';

// `--only` patterns: `*` and `?` stay within one folder, `**` spans any number of folders.
// Patterns are relative to the repository root, like the file paths they are matched against.
export function compileGlob(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

// Says why a pattern cannot select task files, or returns its normalised form. A pattern must
// stay inside the jobs folder: `--only ../x` or an absolute path is a mistake, not an empty set.
export function checkOnlyPattern(pattern: string, jobsDir: string): { pattern: string } | { error: string } {
  const jobs = posix.normalize(jobsDir.replace(/\\/g, '/')).replace(/\/$/, '');
  const raw = pattern.replace(/\\/g, '/');
  if (raw === '' || posix.isAbsolute(raw) || /^[A-Za-z]:/.test(raw)) {
    return { error: `--only pattern ${JSON.stringify(pattern)} must be a relative path inside ${jobs}/, e.g. ${jobs}/ods/**` };
  }
  const normal = posix.normalize(raw).replace(/\/$/, '');
  const literal = normal.split('/');
  const jobsParts = jobs === '.' ? [] : jobs.split('/');
  for (let i = 0; i < Math.min(literal.length, jobsParts.length); i++) {
    const part = literal[i]!;
    if (/[*?]/.test(part)) break; // from here on the pattern may match inside the jobs folder
    if (part !== jobsParts[i]) {
      return { error: `--only pattern ${JSON.stringify(pattern)} reaches outside the jobs folder ${jobs}/: expected a pattern such as ${jobs}/ods/**` };
    }
  }
  if (normal === '..' || normal.startsWith('../')) {
    return { error: `--only pattern ${JSON.stringify(pattern)} reaches outside the jobs folder ${jobs}/: expected a pattern such as ${jobs}/ods/**` };
  }
  return { pattern: normal };
}

// A file is selected when a pattern matches it or one of its folders (`--only jobs/ods`).
export function matchesAnyGlob(file: string, globs: readonly RegExp[]): boolean {
  for (const glob of globs) {
    if (glob.test(file)) return true;
    for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) {
      if (glob.test(file.slice(0, i))) return true;
    }
  }
  return false;
}

// One matcher for several patterns, as readTaskFiles applies them (a pattern may also name a folder).
export function compileGlobs(patterns: readonly string[]): (file: string) => boolean {
  const globs = patterns.map((p) => compileGlob(posix.normalize(p.replace(/\\/g, '/')).replace(/\/$/, '')));
  return (file) => matchesAnyGlob(file, globs);
}
