import type { ImportResult } from '../core/import/import-report.js';
import type { FileToPlace } from '../core/import/place-files.js';
import type { DataWorksSession } from '../ports.js';
import { fetchRequestedFiles } from './fetch-requested-files.js';
import { isInFolder, listLiveFiles } from './list-live-files.js';

export type FilesToImport = {
  files: FileToPlace[]; // with their names and folders, as ListFiles shows them
  failures: ImportResult[]; // --file-id: ids that do not exist or could not be listed
  listed: boolean; // the whole project was listed (no --file-id)
};

// Which files an import reads: with --file-id just those (named and placed by ListFiles' FileIdIn),
// otherwise every batch sync task of the project, kept to one DataWorks folder with --folder.
export async function findFilesToImport(
  session: DataWorksSession,
  request: { projectId: number; fileIds?: number[] | undefined; folder?: string | undefined },
): Promise<FilesToImport> {
  if (request.fileIds && request.fileIds.length > 0) {
    return { ...(await fetchRequestedFiles(session, request.projectId, request.fileIds)), listed: false };
  }
  const listed = await listLiveFiles(session, request.projectId);
  const files = listed.filter((f) => request.folder === undefined || isInFolder(f.folderPath, request.folder));
  return { files: files.map((f) => ({ id: f.fileId, fileName: f.fileName, folderPath: f.folderPath })), failures: [], listed: true };
}
