import type { Output } from './cli-io.js';

const BATCH_CHARS = 64 * 1024;

// Writes a document given in pieces (renderJsonPieces) in batches of about 64 KiB: one write per
// piece would be one system call per plan change, one write of the whole would hold it all at once.
// When the output says it is full (a pipe to a slower reader: write() returns false), the next batch
// waits for it to drain: otherwise every batch is queued in memory at once, and a plan of 50,000 new
// tasks piped to another program held its whole 160 MB document, over a gigabyte of memory.
export async function writePieces(out: Output, pieces: Iterable<string>): Promise<void> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= BATCH_CHARS) {
      await writeBatch(out, batch);
      batch = '';
    }
  }
  if (batch !== '') await writeBatch(out, batch);
}

async function writeBatch(out: Output, text: string): Promise<void> {
  if (out.write(text) !== false || out.once === undefined) return;
  // Closed or failed (the reader went away) instead of drained: nothing more will drain; the stream
  // reports its error itself.
  const events = ['drain', 'close', 'error'] as const;
  await new Promise<void>((resolve) => {
    const done = () => {
      for (const event of events) out.removeListener?.(event, done);
      resolve();
    };
    for (const event of events) out.once!(event, done);
  });
}
