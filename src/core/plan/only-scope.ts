import { compileGlobs } from '../text/glob.js';
import type { Settings } from '../config/settings.js';

// Which state records a run speaks for: with --only, just those whose file matches; otherwise every
// record (a record whose task file is gone is an orphan).
export function onlyScope(settings: Pick<Settings, 'only'>): (file: string) => boolean {
  if (settings.only.length === 0) return () => true;
  const match = compileGlobs(settings.only);
  return (file) => match(file);
}
