import path from 'node:path';

// Where each imported task's file goes. Pure: paths are computed, nothing is touched.

// A task to place: its file id (2020-05-18) or node id (2024-05-18), its name and its DataWorks folder.
export type FileToPlace = { id: number | string; fileName: string; folderPath: string };

export type PlaceOptions = {
  jobs: string; // the jobs folder, relative to the repository root ("jobs")
  out?: string; // --out: one flat folder, relative to the root (already checked to lie inside jobs)
};

// The folders DataStudio puts around a business flow's sync tasks; they say nothing about the task.
const FLOW_ROOTS = new Set(['business flow', 'business flows', 'workflow', '业务流程']);
const DI_FOLDERS = new Set(['data integration', '数据集成']);

// id → repository-relative path with forward slashes. `Business Flow/<flow>/Data Integration/<name>`
// becomes `<jobs>/<flow>/<name>.yaml`; with `out`, `<out>/<name>.yaml`. Two tasks that would land on the
// same path (compared without case: macOS and Windows folders ignore it) both get their id appended.
export function placeFiles<T extends FileToPlace>(files: T[], options: PlaceOptions): Map<T['id'], string> {
  const base = toPosix(path.posix.normalize(toPosix(options.out ?? options.jobs)));
  const wanted = files.map((file) => {
    const folders = options.out === undefined ? folderSegments(file.folderPath) : [];
    const name = sanitizeSegment(file.fileName.replace(/\.ya?ml$/i, '')) || `task_${file.id}`;
    return { id: file.id, dir: joinPosix(base, ...folders), name };
  });
  const counts = new Map<string, number>();
  for (const w of wanted) {
    const key = `${w.dir}/${w.name}`.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const placed = new Map<T['id'], string>();
  for (const w of wanted) {
    const clash = (counts.get(`${w.dir}/${w.name}`.toLowerCase()) ?? 0) > 1;
    placed.set(w.id, joinPosix(w.dir, `${w.name}${clash ? `-${w.id}` : ''}.yaml`));
  }
  return placed;
}

export function folderSegments(folderPath: string): string[] {
  const segments = folderPath.split(/[\\/]+/).map((s) => s.trim()).filter((s) => s !== '');
  if (segments.length > 0 && FLOW_ROOTS.has(segments[0]!.toLowerCase())) segments.shift();
  return segments.filter((s) => !DI_FOLDERS.has(s.toLowerCase())).map(sanitizeSegment).filter((s) => s !== '');
}

// One path segment made safe on every file system: letters (any script), digits, `.`, `-` and `_`;
// anything else becomes `_`. No `..`, no leading dot (hidden file), no trailing dot (Windows); at most 100
// characters.
export function sanitizeSegment(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[._]+|[._]+$/g, '')
    .slice(0, 100);
}

function joinPosix(...parts: string[]): string {
  return parts.filter((p) => p !== '' && p !== '.').join('/');
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/').replace(/\/+$/, '');
}
