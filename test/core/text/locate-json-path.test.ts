import { describe, expect, it } from 'vitest';
import { locateJsonPath } from '../../../src/core/text/locate-json-path.js';

const json = `{
  "type": "jobs",
  "steps": [
    {"name": "Reader", "parameter": {"where": "a = \\"}]\\"", "password": "x"}},
    {"name": "Writer", "category": "wirter"}
  ],
  "order": {"hops": [{"from": "Reader", "to": "Writr"}]}
}`;

describe('locateJsonPath', () => {
  it('points at the value a path reaches, past strings holding brackets and escaped quotes', () => {
    expect(locateJsonPath(json, ['type'])).toBe(json.indexOf('"jobs"'));
    expect(locateJsonPath(json, ['steps', 0, 'parameter', 'password'])).toBe(json.indexOf('"x"'));
    expect(locateJsonPath(json, ['steps', 1, 'category'])).toBe(json.indexOf('"wirter"'));
    expect(locateJsonPath(json, ['order', 'hops', 0, 'to'])).toBe(json.indexOf('"Writr"'));
  });

  it('points at the key for an unknown key, and at the innermost container for a missing one', () => {
    expect(locateJsonPath(json, ['steps', 1, 'category'], 'key')).toBe(json.indexOf('"category"'));
    expect(locateJsonPath(json, ['steps', 1, 'parameter'])).toBe(json.indexOf('{"name": "Writer"'));
    expect(locateJsonPath(json, ['steps', 5])).toBe(json.indexOf('['));
  });

  it('takes the last of repeated keys, as JSON.parse does', () => {
    const twice = '{"a": 1, "a": 2}';
    expect(locateJsonPath(twice, ['a'])).toBe(twice.indexOf('2'));
  });
});

describe('locateJsonPath, paths that do not fit the value', () => {
  it('points a key into a list at the list, and an index into a mapping at the mapping', () => {
    expect(locateJsonPath(json, ['steps', 'name'])).toBe(json.indexOf('['));
    expect(locateJsonPath(json, ['order', 0])).toBe(json.indexOf('{"hops"'));
  });

  it('points an index into an empty list at the list', () => {
    const empty = '{"steps": [ ]}';
    expect(locateJsonPath(empty, ['steps', 0])).toBe(empty.indexOf('['));
  });

  it('points a path through a scalar at the scalar', () => {
    expect(locateJsonPath(json, ['type', 'x'])).toBe(json.indexOf('"jobs"'));
  });

  it('points at the last element of a list, after values of every kind', () => {
    const list = '[1, "a,]", {"b": [2]}, [3], true, null]';
    expect(locateJsonPath(list, [5])).toBe(list.indexOf('null'));
    expect(locateJsonPath(list, [4])).toBe(list.indexOf('true'));
  });

  it('gives the key of the value found when asked for the key', () => {
    expect(locateJsonPath('{"a": {"b": 1}}', ['a', 'b'], 'key')).toBe(7);
    expect(locateJsonPath('{"a": {"b": 1}}', ['a'], 'key')).toBe(1);
  });
});
