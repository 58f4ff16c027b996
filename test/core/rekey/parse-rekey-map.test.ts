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

it('refuses text that is not YAML, quoting the first line of the parser\'s message', () => {
  const { pairs, problems } = parseRekeyMap('a: [\n', 'm.yaml');
  expect(pairs.size).toBe(0);
  expect(problems).toEqual([expect.stringMatching(/^m\.yaml: not YAML or JSON: [^\n]+$/) as string]);
});

it('refuses a file id that is not a whole positive number within a safe integer', () => {
  const problemsOf = (key: string) => parseRekeyMap(`"${key}": "7"\n`, 'm.yaml').problems;
  for (const key of ['042', 'a42', '42a', '9007199254740993']) expect(problemsOf(key), key).toEqual([`m.yaml: "${key}" is not a file id`]);
  expect(problemsOf('10')).toEqual([]);
});

it('refuses a node id that is not 1 to 19 digits without a leading zero, quoted or not', () => {
  const problemsOf = (nodeId: string) => parseRekeyMap(`42: ${nodeId}\n`, 'm.yaml').problems;
  expect(problemsOf('"a7"')).toEqual(['m.yaml: file 42 maps to "a7", which is not a node id (digits, up to 19)']);
  expect(problemsOf('"7a"')).toEqual(['m.yaml: file 42 maps to "7a", which is not a node id (digits, up to 19)']);
  expect(problemsOf('"12345678901234567890"')).toHaveLength(1);
  expect(problemsOf('12345678901234567890')).toHaveLength(1);
  expect(problemsOf('[7]')).toEqual(['m.yaml: file 42 maps to "7", which is not a node id (digits, up to 19)']);
  expect(problemsOf('7.5')).toEqual(['m.yaml: file 42 maps to "7.5", which is not a node id (digits, up to 19)']);
  expect(problemsOf('"07"')).toHaveLength(1);
});
