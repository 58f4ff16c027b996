import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import { FLAGS, numberFlag, readIdFlag, repeatable, REPO_FLAGS, type FlagSpec } from '../../src/cli/flag-specs.js';

// Each flag's parser: the values it takes, and the exact words it refuses the others with.

function parse(spec: FlagSpec, raw: string, previous?: unknown): unknown {
  if (!spec.parse) throw new Error(`${spec.flags} has no parser`);
  return spec.parse(raw, previous);
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

// flag, accepted [raw, value] pairs, refused raw values, the refusal's text before `got "…"`.
const NUMBER_FLAGS: Array<[keyof typeof FLAGS, Array<[string, number]>, string[], string]> = [
  ['concurrency', [['1', 1], ['256', 256]], ['0', '257', '1.5', 'x', '', ' ', ' 8 ', '0x8'], '--concurrency must be an integer from 1 to 256'],
  ['qps', [['0', 0], ['0.5', 0.5], ['10000', 10_000]], ['-1', '10000.1', 'fast', 'Infinity', 'NaN', '', '1e3', '.5'], '--qps must be a number from 0 to 10000'],
  ['workspace', [['1', 1], ['9007199254740991', Number.MAX_SAFE_INTEGER]], ['0', '-5', '2.5', 'ws'], '--workspace must be an integer >= 1'],
  ['maxDeletes', [['0', 0], ['1000000', 1_000_000]], ['-1', '0.5', 'all'], '--max-deletes must be an integer >= 0'],
  ['port', [['0', 0], ['65535', 65_535]], ['65536', '-1', '80.5', 'http', '0x50'], '--port must be an integer from 0 to 65535'],
  ['latencyMs', [['0', 0], ['2.5', 2.5], ['600000', 600_000]], ['600001', '-0.1', 'slow'], '--latency-ms must be a number from 0 to 600000'],
  ['emulatorQps', [['0', 0], ['100000', 100_000]], ['100001', '-1'], '--qps must be a number from 0 to 100000'],
  ['failRate', [['0', 0], ['0.25', 0.25], ['1', 1]], ['1.01', '-0.01', '25%'], '--fail-rate must be a number from 0 to 1'],
  ['quotaAfter', [['0', 0], ['500', 500]], ['-1', '1.5', 'none'], '--quota-after must be an integer >= 0'],
];

describe('number flags', () => {
  it.each(NUMBER_FLAGS)('%s takes its range and refuses the rest with the exact message', (name, accepted, refused, message) => {
    const spec = FLAGS[name];
    for (const [raw, value] of accepted) expect(parse(spec, raw)).toBe(value);
    for (const raw of refused) expect(refusal(() => parse(spec, raw))).toBe(`${message}, got "${raw}"`);
  });

  it('numberFlag says integer or number, and a range or a minimum', () => {
    expect(refusal(() => numberFlag('n', { min: 2 })('1'))).toBe('--n must be a number >= 2, got "1"');
    expect(refusal(() => numberFlag('n', { integer: true, min: 2, max: 3 })('4'))).toBe('--n must be an integer from 2 to 3, got "4"');
    expect(numberFlag('n', { min: -1 })('-1')).toBe(-1);
  });
});

describe('repeatable flags', () => {
  it('--only and --file-id collect each value in order, starting afresh from a default that is not a list', () => {
    for (const spec of [FLAGS.only, FLAGS.fileId]) {
      const once = parse(spec, 'jobs/a/**', undefined);
      expect(once).toEqual(['jobs/a/**']);
      expect(parse(spec, 'jobs/b.yaml', once)).toEqual(['jobs/a/**', 'jobs/b.yaml']);
      expect(once).toEqual(['jobs/a/**']);
    }
    expect(repeatable('x', 'not a list')).toEqual(['x']);
  });
});

describe('readIdFlag', () => {
  it('reads a positive id written in digits, and nothing when the flag is absent', () => {
    expect(readIdFlag('10000', '--project-id')).toBe(10000);
    expect(readIdFlag('007', '--file-id')).toBe(7);
    expect(readIdFlag(undefined, '--project-id')).toBeUndefined();
  });

  it('refuses anything else, naming the flag', () => {
    for (const raw of ['0', '-1', '1.0', '1e4', ' 1', '', 'abc', '9007199254740992']) {
      expect(refusal(() => readIdFlag(raw, '--project-id'))).toBe(`--project-id must be a positive integer id, got "${raw}"`);
    }
    expect(refusal(() => readIdFlag(['1'], '--file-id'))).toBe('--file-id must be a positive integer id, got "1"');
    expect(refusal(() => readIdFlag(true, '--file-id'))).toBe('--file-id must be a positive integer id, got "true"');
  });
});

describe('the flag table', () => {
  it('gives the flags without a value no parser, and every repository command the same eight flags', () => {
    for (const spec of [FLAGS.json, FLAGS.detailedExitcode, FLAGS.refresh, FLAGS.force, FLAGS.deploy, FLAGS.noDeploy, FLAGS.prune, FLAGS.noPrune, FLAGS.remote, FLAGS.overwrite, FLAGS.writeProbe]) {
      expect(spec.flags).toMatch(/^--[a-z-]+$/);
      expect('parse' in spec).toBe(false);
    }
    expect(REPO_FLAGS.map((spec) => spec.flags.split(' ')[0])).toEqual(['--json', '--state', '--endpoint', '--region', '--concurrency', '--qps', '--only', '--workspace']);
  });
});
