import { afterEach, describe, expect, it } from 'vitest';
import { isInFolder, listLiveFiles, PAGE_SIZE } from '../../src/remote/list-live-files.js';
import { sendJson, startRawServer, type SeenRequest } from '../dataworks/raw-server.js';
import { callsOf, sessionFor, useEmulatorSession } from './emulator-session.js';

const start = useEmulatorSession();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

// A ListFiles that answers page n with what `page` gives.
async function serveListFiles(page: (n: number) => { files: Array<{ id: number; type?: number }>; total: number }) {
  const server = await startRawServer((req: SeenRequest, res) => {
    const { files, total } = page(Number(req.params.get('PageNumber')));
    const Files = files.map((f) => ({ FileId: f.id, FileName: `f${f.id}`, FileType: f.type ?? 23, AbsoluteFolderPath: 'Business Flow/x' }));
    sendJson(res, 200, { RequestId: `r${req.params.get('PageNumber')}`, Success: true, Data: { Files, TotalCount: total, PageNumber: 1, PageSize: 100 } });
  });
  closers.push(server.close);
  return server;
}

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));

describe('listLiveFiles', () => {
  it('reads every page of batch sync files, 100 a page, with absolute folder paths, sorted by fileId', async () => {
    const seed = Array.from({ length: 250 }, (_, i) => ({ projectId: 10000, fileId: 5000 - i, fileFolderPath: `Business Flow/f${i % 2}` }));
    const { emulator, session } = await start({ seed: [...seed, { projectId: 20000, fileId: 1 }] });

    const files = await listLiveFiles(session, 10000);

    expect(files.map((f) => f.fileId)).toEqual(Array.from({ length: 250 }, (_, i) => 4751 + i));
    expect(files[0]).toEqual({ fileId: 4751, fileName: 'di_4751', folderPath: 'Business Flow/f1', fileType: 23 });
    expect(callsOf(emulator, 'ListFiles')).toEqual(
      [1, 2, 3].map((page) => ({ ProjectId: '10000', FileTypes: '23', PageNumber: String(page), PageSize: String(PAGE_SIZE), NeedAbsoluteFolderPath: 'true' })),
    );
  });

  it('stops once TotalCount files are read, and for a project that grew reads one page more than the first TotalCount calls for, never two', async () => {
    const server = await serveListFiles((n) => ({ files: ids(n * 1000, 100), total: 150 }));
    const files = await listLiveFiles(sessionFor(server.url), 10000);
    expect(server.requests.map((r) => r.params.get('PageNumber'))).toEqual(['1', '2']);
    expect(files).toHaveLength(200);

    // A project that grew past its first count: one more page is read, never a fourth.
    const growing = await serveListFiles((n) => ({ files: ids(n * 1000, 100), total: n === 1 ? 150 : 1000 }));
    expect(await listLiveFiles(sessionFor(growing.url), 10000)).toHaveLength(300);
    expect(growing.requests.map((r) => r.params.get('PageNumber'))).toEqual(['1', '2', '3']);
  });

  it('stops at an empty page even when TotalCount promises more', async () => {
    const server = await serveListFiles((n) => ({ files: n === 1 ? ids(1, 100) : [], total: 500 }));
    expect(await listLiveFiles(sessionFor(server.url), 10000)).toHaveLength(100);
    expect(server.requests).toHaveLength(2);
  });

  it('keeps only batch sync files (FileType 23), each once when pages overlap', async () => {
    const server = await serveListFiles((n) => ({
      files: n === 1 ? [...ids(1, 98), { id: 500, type: 10 }, { id: 99 }] : [{ id: 99 }, { id: 100 }],
      total: 102,
    }));
    const files = await listLiveFiles(sessionFor(server.url), 10000);
    expect(files.map((f) => f.fileId)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });
});

describe('isInFolder', () => {
  it('matches whole path segments, ignoring leading, trailing and back slashes', () => {
    expect(isInFolder('Business Flow/ods/Data Integration', 'Business Flow/ods')).toBe(true);
    expect(isInFolder('Business Flow/ods', '/Business Flow/ods/')).toBe(true);
    expect(isInFolder('Business Flow\\ods\\x', 'Business Flow/ods')).toBe(true);
    expect(isInFolder('Business Flow/ods2', 'Business Flow/ods')).toBe(false);
    expect(isInFolder('Other/Business Flow/ods', 'Business Flow/ods')).toBe(false);
    expect(isInFolder('anything', '')).toBe(true);
    expect(isInFolder('anything', '/')).toBe(true);
  });
});
