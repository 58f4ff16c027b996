import { compileGlobs } from '../core/text/glob.js';
import type { Settings } from '../core/config/settings.js';

// Which state records a run speaks for: with --only, just those whose file matches; otherwise every
// record (a record whose task file is gone is an orphan).
export function onlyScope(settings: Settings): (file: string) => boolean {
  if (settings.only.length === 0) return () => true;
  const match = compileGlobs(settings.only);
  return (file) => match(file);
}
