import { expect, it } from 'vitest';
import { parseRekeyMap } from '../../../src/core/rekey/parse-rekey-map.js';

it('reads file id → node id pairs from YAML or JSON, keeping 19-digit ids exact', () => {
  expect(parseRekeyMap('42: "7000000000000000001"\n43: 9223372036854775807\n', 'm.yaml')).toEqual({
    pairs: new Map([[42, '7000000000000000001'], [43, '9223372036854775807']]),
    problems: [],
  });
  expect(parseRekeyMap('{"42": "7"}', 'm.json').pairs).toEqual(new Map([[42, '7']]));
});

it('names what is not a pair', () => {
  expect(parseRekeyMap('x: "7"\n42: abc\n', 'm.yaml').problems).toEqual(['m.yaml: file 42 maps to "abc", which is not a node id (digits, up to 19)', 'm.yaml: "x" is not a file id']);
  expect(parseRekeyMap('- 1\n', 'm.yaml').problems[0]).toMatch(/expected a mapping/);
});
