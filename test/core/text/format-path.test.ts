import { describe, expect, it } from 'vitest';
import { describeValue, formatPath, formatPointer } from '../../../src/core/text/format-path.js';

describe('formatPath', () => {
  it('dots identifier-like keys and brackets array indices', () => {
    expect(formatPath(['taskContent', 'steps', 1, 'name'])).toBe('taskContent.steps[1].name');
    expect(formatPath(['taskParam', 'Cu'])).toBe('taskParam.Cu');
    expect(formatPath([0, 'a'])).toBe('[0].a');
  });

  it('keeps hyphens, underscores and dollars in a dotted key', () => {
    expect(formatPath(['setting', 'odps-first', '_x', '$y'])).toBe('setting.odps-first._x.$y');
  });

  it('quotes every other key, so the path reads back unambiguously', () => {
    expect(formatPath(['tasks', '10000/1000001', 'file'])).toBe('tasks["10000/1000001"].file');
    expect(formatPath(['parameter', 'a.b'])).toBe('parameter["a.b"]');
    expect(formatPath(['parameter', 'two words', '1'])).toBe('parameter["two words"]["1"]');
    expect(formatPath(['x', '', '"'])).toBe('x[""]["\\""]');
    expect(formatPath(['-lead'])).toBe('["-lead"]');
  });

  it('takes zod paths with symbols', () => {
    expect(formatPath(['a', Symbol('s')])).toBe('a["Symbol(s)"]');
  });

  it('gives the empty string for the top level', () => {
    expect(formatPath([])).toBe('');
  });
});

describe('describeValue', () => {
  it('quotes strings and names what is not a scalar', () => {
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue(3)).toBe('3');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue([1])).toBe('a list');
    expect(describeValue({})).toBe('a mapping');
  });
});

describe('formatPointer', () => {
  it('turns JSON pointers into the dotted paths problems use', () => {
    expect(formatPointer('taskContent', '/steps/0/parameter/table')).toBe('taskContent.steps[0].parameter.table');
    expect(formatPointer('t', '/a~1b/c~0d')).toBe('t["a/b"]["c~d"]');
    expect(formatPointer('t', '/odd key/_x$/a-b/-')).toBe('t["odd key"]._x$.a-b[-]');
    expect(formatPointer('t', '')).toBe('t');
    expect(formatPointer('live.taskContent', '/steps/0')).toBe('live.taskContent.steps[0]');
  });
});

describe('describeValue, every kind', () => {
  it('shows null, booleans and big integers bare', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(10n)).toBe('10');
  });

  it('cuts a string past 60 characters to 57 and an ellipsis', () => {
    expect(describeValue('x'.repeat(60))).toBe(JSON.stringify('x'.repeat(60)));
    expect(describeValue('x'.repeat(61))).toBe(JSON.stringify(`${'x'.repeat(57)}...`));
  });

  it('names the numbers YAML writes as words', () => {
    expect(describeValue(Number.NaN)).toBe('.nan');
    expect(describeValue(Infinity)).toBe('.inf');
    expect(describeValue(-Infinity)).toBe('-.inf');
    expect(describeValue(0)).toBe('0');
  });

  it('names the values YAML tags make that JSON cannot hold', () => {
    expect(describeValue(new Uint8Array([1]))).toBe('binary data (!!binary)');
    expect(describeValue(new Date(0))).toBe('a timestamp');
    expect(describeValue(new Set([1]))).toBe('a YAML set or ordered map');
    expect(describeValue(new Map())).toBe('a YAML set or ordered map');
    expect(describeValue(() => 1)).toBe('function');
    expect(describeValue(Symbol('s'))).toBe('symbol');
  });
});

describe('formatPointer, array indices', () => {
  it('reads only canonical decimal tokens as indices', () => {
    expect(formatPointer('t', '/a/01')).toBe('t.a["01"]');
    expect(formatPointer('t', '/a/1x')).toBe('t.a["1x"]');
    expect(formatPointer('t', '/a/x1')).toBe('t.a.x1');
    expect(formatPointer('t', '/a/10')).toBe('t.a[10]');
    expect(formatPointer('t', '/a/0')).toBe('t.a[0]');
    expect(formatPointer('t', '/a/5')).toBe('t.a[5]');
  });

  it('reads the pointer "/" as the key "" under the root', () => {
    expect(formatPointer('t', '/')).toBe('t[""]');
  });
});
