import type { Output } from './cli-io.js';

const BATCH_CHARS = 64 * 1024;

// Writes a document given in pieces (renderJsonPieces) in batches of about 64 KiB: one write per
// piece would be one system call per plan change, one write of the whole would hold it all at once.
export function writePieces(out: Output, pieces: Iterable<string>): void {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= BATCH_CHARS) {
      out.write(batch);
      batch = '';
    }
  }
  if (batch !== '') out.write(batch);
}
