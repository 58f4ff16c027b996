// Turns character offsets into 1-based line and column. Built only when a problem needs a
// position: valid files (the common case) never pay for it.
export type Position = { line: number; column: number };

export type PositionFinder = (offset: number) => Position;

export function createPositionFinder(text: string): PositionFinder {
  let starts: number[] | null = null;
  return (offset) => {
    starts ??= findLineStarts(text);
    const at = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - (starts[low] ?? 0) + 1 };
  };
}

function findLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

// One position without building the line table: linear in the offset, which is cheap for a
// document start near the top of the file.
export function findPosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
