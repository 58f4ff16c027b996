import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config/parse-config.js';
import { defaultConfig } from '../../../src/core/config/config-schema.js';
import { formatProblem } from '../../../src/core/problem.js';

const FILE = 'dwsync.yaml';

function problemsOf(text: string): string[] {
  const { config, problems } = parseConfig(text, FILE);
  // With any problem, the config is the defaults, so a caller can report everything before stopping.
  if (problems.length > 0) expect(config).toEqual(defaultConfig);
  return problems.map(formatProblem);
}

describe('parseConfig', () => {
  it('reads an empty file, or one of comments only, as all defaults', () => {
    expect(parseConfig('', FILE)).toEqual({ config: defaultConfig, problems: [] });
    expect(parseConfig('# nothing yet\n', FILE)).toEqual({ config: defaultConfig, problems: [] });
  });

  it('reads every key', () => {
    const text = 'jobs: pipelines\nstate: s/state.json\nregion: cn-shanghai\nendpoint: http://127.0.0.1:1\nconcurrency: 8\nqps: 0.5\ndeploy: true\nprune: true\nmaxDeletes: 3\n';
    expect(parseConfig(text, FILE)).toEqual({
      config: { jobs: 'pipelines', state: 's/state.json', region: 'cn-shanghai', endpoint: 'http://127.0.0.1:1', concurrency: 8, qps: 0.5, deploy: true, prune: true, maxDeletes: 3, workspaces: {} },
      problems: [],
    });
  });

  it('takes endpoint: null as no endpoint', () => {
    expect(parseConfig('endpoint: null\n', FILE).config.endpoint).toBeNull();
  });

  it('refuses a document that is not a mapping, listing the settings', () => {
    expect(problemsOf('\n- jobs\n')).toEqual([`dwsync.yaml:2:1: error: dwsync.yaml must be a mapping of settings (jobs, state, region, endpoint, concurrency, qps, deploy, prune, maxDeletes, workspaces)`]);
    expect(problemsOf('jobs\n')[0]).toMatch(/^dwsync\.yaml:1:1: error: dwsync\.yaml must be a mapping of settings/);
  });

  it('points an unknown key at the key, with the nearest spelling', () => {
    expect(problemsOf('jobs: jobs\nconcurency: 2\n')).toEqual(['dwsync.yaml:2:1: error: unknown key "concurency" (did you mean "concurrency"?)']);
  });

  it('locates YAML errors and says nothing more', () => {
    expect(problemsOf('qps: 1\nqps: 2\nzzz: 3\n')).toEqual(['dwsync.yaml:2:1: error: duplicate key "qps": a key may appear only once in a mapping']);
  });

  it('sorts problems by position', () => {
    expect(problemsOf('region: CN\ndeploy: yes\nconcurrency: 1.5\n')).toEqual([
      'dwsync.yaml:1:9: error: region must be a region id such as cn-hangzhou, got "CN"',
      'dwsync.yaml:2:9: error: deploy must be true or false, got "yes"',
      'dwsync.yaml:3:14: error: concurrency must be an integer >= 1, got 1.5',
    ]);
  });

  it('refuses deep nesting before parsing', () => {
    const text = `jobs: ${'['.repeat(51)}`;
    expect(problemsOf(text)).toEqual(['dwsync.yaml:1:57: error: nesting too deep: dwsync.yaml is a flat mapping of settings']);
  });

  it('refuses an alias that expands past the limit', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 3; i++) lines.push(`a${i}: &a${i} [${Array<string>(10).fill(`*a${i - 1}`).join(', ')}]`);
    expect(problemsOf(`${lines.join('\n')}\n`)).toEqual(['dwsync.yaml:1:1: error: could not read dwsync.yaml: Excessive alias count indicates a resource exhaustion attack']);
  });

  it('counts columns after a byte-order mark from the first real character', () => {
    expect(problemsOf('\ufeffqps: x\n')).toEqual(['dwsync.yaml:1:6: error: qps must be a number >= 0 (0 = no ceiling), got "x"']);
  });

  it('gives a problem of the whole document (bad YAML, not a mapping) no setting path', () => {
    for (const text of ['jobs: [\n', '- jobs\n', 'jobs: a\njobs: b\n']) {
      const { problems } = parseConfig(text, FILE);
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) expect(problem.path).toBe('');
    }
  });
});

describe('parseConfig, the words and places of whole-document problems', () => {
  it('quotes the YAML parser in one line, without its own excerpt of the file', () => {
    expect(problemsOf('jobs: "a\n')).toEqual(['dwsync.yaml:2:1: error: invalid YAML: missing closing "quote']);
  });

  it('gives no setting path to deep nesting or an alias bomb', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 3; i++) lines.push(`a${i}: &a${i} [${Array<string>(10).fill(`*a${i - 1}`).join(', ')}]`);
    for (const text of [`jobs: ${'['.repeat(51)}`, `${lines.join('\n')}\n`]) {
      for (const problem of parseConfig(text, FILE).problems) expect(problem.path).toBe('');
    }
  });

  it('points an alias bomb at the start of the settings, after any comment', () => {
    const lines = ['# settings', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 3; i++) lines.push(`a${i}: &a${i} [${Array<string>(10).fill(`*a${i - 1}`).join(', ')}]`);
    expect(problemsOf(`${lines.join('\n')}\n`)[0]).toMatch(/^dwsync\.yaml:2:1: error: could not read dwsync\.yaml: /);
  });
});
