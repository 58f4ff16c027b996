import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The corpus of batch sync jobs as DataWorks publishes them: test/fixtures/real-world/manifest.json
// names each job's source; jobs/<id>.txt holds its text exactly as published, comments included.
export type RealWorldJob = { id: string; title: string; source: string; stepTypes: string[]; jsonOnceCommentsRemoved: boolean; comments: boolean };

export const realWorldDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real-world');
export const realWorldJobs = JSON.parse(readFileSync(path.join(realWorldDir, 'manifest.json'), 'utf8')) as RealWorldJob[];

export function readRealWorldJob(id: string): string {
  return readFileSync(path.join(realWorldDir, 'jobs', `${id}.txt`), 'utf8');
}
