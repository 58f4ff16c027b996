import type { DataWorksSession, FileSummary } from '../ports.js';
import { DI_FILE_TYPE } from '../dataworks/operations/file-fields.js';

export const PAGE_SIZE = 100;

// Every batch sync task of a project, page by page until TotalCount files are read. Bounded: it stops
// at an empty page, and never reads more pages than the first TotalCount calls for (plus one, for a
// project that grew meanwhile).
export async function listLiveFiles({ dataWorks, call }: DataWorksSession, projectId: number): Promise<FileSummary[]> {
  const byId = new Map<number, FileSummary>();
  let maxPages = 1;
  for (let page = 1; page <= maxPages; page++) {
    const { value } = await call(() => dataWorks.listFiles({ projectId, fileTypes: String(DI_FILE_TYPE), pageNumber: page, pageSize: PAGE_SIZE }));
    if (page === 1) maxPages = Math.ceil(value.totalCount / PAGE_SIZE) + 1;
    for (const file of value.files) if (file.fileType === DI_FILE_TYPE) byId.set(file.fileId, file);
    if (value.files.length === 0 || page * PAGE_SIZE >= value.totalCount) break;
  }
  return [...byId.values()].sort((a, b) => a.fileId - b.fileId);
}

// --folder: the port's ListFiles has no FileFolderPath parameter, so the folder is matched here, on
// whole path segments ("Business Flow/ods" matches "Business Flow/ods/Data Integration", not ".../ods2").
export function isInFolder(fileFolderPath: string, folder: string): boolean {
  const want = trimSlashes(folder);
  const have = trimSlashes(fileFolderPath);
  return want === '' || have === want || have.startsWith(`${want}/`);
}

function trimSlashes(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
}
