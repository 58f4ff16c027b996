import { describe, expect, it } from 'vitest';
import { locateTaskPaths } from '../../../src/core/references/locate-task-paths.js';

const text = `projectId: 1
fileId: 1
taskParam: {ResourceGroup: g1}
---
projectId: 1
fileId: 2
taskParam:
  ResourceGroup: g2
taskContent: '{"steps": [{"parameter": {"datasource": "d"}}]}'
`;

describe('locateTaskPaths', () => {
  it('locates paths in the document that starts at the given position', () => {
    expect(locateTaskPaths(text, { line: 5, column: 1 }, [['taskParam', 'ResourceGroup'], ['fileId']])).toEqual([
      { line: 8, column: 18 },
      { line: 6, column: 9 },
    ]);
    expect(locateTaskPaths(text, { line: 1, column: 1 }, [['taskParam', 'ResourceGroup']])).toEqual([{ line: 3, column: 28 }]);
  });

  it('points a path into taskContent written as JSON at the string', () => {
    expect(locateTaskPaths(text, { line: 5, column: 1 }, [['taskContent', 'steps', 0, 'parameter', 'datasource']])).toEqual([{ line: 9, column: 14 }]);
  });

  it('points a missing key at its mapping', () => {
    expect(locateTaskPaths(text, { line: 5, column: 1 }, [['taskParam', 'Cu']])).toEqual([{ line: 8, column: 3 }]);
  });

  it('takes the column into account: a start on the right line but another column matches no document', () => {
    expect(locateTaskPaths(text, { line: 5, column: 3 }, [['fileId']])).toEqual([{ line: 5, column: 3 }]);
  });

  it('gives the start itself for every path when no document starts there', () => {
    expect(locateTaskPaths(text, { line: 2, column: 1 }, [['fileId'], ['taskParam']])).toEqual([
      { line: 2, column: 1 },
      { line: 2, column: 1 },
    ]);
  });

  it('counts positions after a byte-order mark as the parser does', () => {
    expect(locateTaskPaths('\ufeffprojectId: 1\nfileId: 7\n', { line: 1, column: 1 }, [['fileId']])).toEqual([{ line: 2, column: 9 }]);
  });
});

describe('locateTaskPaths, documents without content', () => {
  it('skips an empty document before the one that starts at the position', () => {
    expect(locateTaskPaths('---\n---\nfileId: 7\n', { line: 3, column: 1 }, [['fileId']])).toEqual([{ line: 3, column: 9 }]);
  });

  it('reads a text without a byte-order mark from its first character', () => {
    expect(locateTaskPaths('fileId: 7\n', { line: 1, column: 1 }, [['fileId']])).toEqual([{ line: 1, column: 9 }]);
  });

  it('locates paths in a file with YAML errors in another document', () => {
    expect(locateTaskPaths('a: [\n---\nfileId: 7\n', { line: 3, column: 1 }, [['fileId']])).toEqual([{ line: 3, column: 9 }]);
  });
});
