// The legacy file a task file was imported from, as import's header comment names it:
//   # Imported by dwsync from DataWorks project 10000, file 42: Business Flow/ods/Data Integration/ods_orders
// → { fileId: 42, name: "ods_orders", folder: "Business Flow/ods/Data Integration" }, for the task of
// that project and file; undefined when the text has no such line. Pure.
export type LegacyFileName = { name: string; folder: string };

const HEADER = /^#\s*Imported by dwsync from DataWorks project (\d+), file (\d+): (.+)$/gm;

export function parseImportHeader(text: string, projectId: number, fileId: number): LegacyFileName | undefined {
  for (const match of text.matchAll(HEADER)) {
    if (Number(match[1]) !== projectId || Number(match[2]) !== fileId) continue;
    const where = (match[3] ?? '').trim();
    const at = where.lastIndexOf('/');
    return at < 0 ? { name: where, folder: '' } : { name: where.slice(at + 1), folder: where.slice(0, at) };
  }
  return undefined;
}
