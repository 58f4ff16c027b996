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
