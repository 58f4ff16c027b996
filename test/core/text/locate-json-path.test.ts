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
