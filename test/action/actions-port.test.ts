import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActionsLogger, createActionsPort } from '../../src/action/actions-port.js';
import { useTempDir } from '../support/temp-dir.js';

// The runner's side of the ActionsPort: workflow commands on stdout, and the files the runner names
// in GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY, read back as the runner would.

const tempDir = useTempDir('dwsync-actions-port-');
const RUNNER_FILES = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const;
const saved = Object.fromEntries(RUNNER_FILES.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of RUNNER_FILES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

async function runnerFiles(): Promise<Record<(typeof RUNNER_FILES)[number], string>> {
  const dir = await tempDir();
  const files = Object.fromEntries(RUNNER_FILES.map((name) => [name, path.join(dir, name.toLowerCase())])) as Record<(typeof RUNNER_FILES)[number], string>;
  for (const name of RUNNER_FILES) {
    await writeFile(files[name], '');
    process.env[name] = files[name];
  }
  return files;
}

// What the port writes on stdout while `body` runs.
function stdoutOf(body: () => void): string {
  let text = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  try {
    body();
  } finally {
    spy.mockRestore();
  }
  return text;
}

// The runner's file-command format: NAME<<DELIMITER, the value, DELIMITER.
function readFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const pattern = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) values[match[1]!] = match[3]!;
  return values;
}

describe('createActionsPort', () => {
  it('writes outputs and saved state to the runner files, a number as its text', async () => {
    const files = await runnerFiles();
    const port = createActionsPort({});
    port.setOutput('applied', 3);
    port.setOutput('apply-summary', 'line one\nline two');
    port.saveState('dwsync-apply', '{"finished":false}');
    expect(readFileCommands(await readFile(files.GITHUB_OUTPUT, 'utf8'))).toEqual({ applied: '3', 'apply-summary': 'line one\nline two' });
    expect(readFileCommands(await readFile(files.GITHUB_STATE, 'utf8'))).toEqual({ 'dwsync-apply': '{"finished":false}' });
  });

  it('appends each summary once, and only when the step has a summary file', async () => {
    const files = await runnerFiles();
    await createActionsPort({}).appendSummary('ignored outside a runner\n');
    expect(await readFile(files.GITHUB_STEP_SUMMARY, 'utf8')).toBe('');
    const port = createActionsPort({ GITHUB_STEP_SUMMARY: files.GITHUB_STEP_SUMMARY });
    await port.appendSummary('### first');
    await port.appendSummary('### second');
    expect(await readFile(files.GITHUB_STEP_SUMMARY, 'utf8')).toBe('### first\n### second\n');
  });

  it('writes log lines, annotations, masks and the failure as workflow commands', async () => {
    await runnerFiles();
    const port = createActionsPort({});
    const exitCode = process.exitCode;
    const out = stdoutOf(() => {
      port.info('plain line');
      port.warning('careful', { file: 'jobs/a.yaml', startLine: 3 });
      port.error('broken: 100%', { title: 'dwsync: fileId' });
      port.setSecret('s3cret');
      port.setFailed('it failed');
    });
    process.exitCode = exitCode;
    expect(out.split('\n').filter(Boolean)).toEqual([
      'plain line',
      '::warning file=jobs/a.yaml,line=3::careful',
      '::error title=dwsync%3A fileId::broken: 100%25',
      '::add-mask::s3cret',
      '::error::it failed',
    ]);
  });

  it('gives a logger whose info and warnings go through the port, and debug lines as debug commands', () => {
    const lines: string[] = [];
    const port = { ...createActionsPort({}), info: (m: string) => lines.push(`info ${m}`), warning: (m: string) => lines.push(`warning ${m}`) };
    const logger = createActionsLogger(port);
    logger.info('a');
    logger.warn('b');
    expect(lines).toEqual(['info a', 'warning b']);
    expect(stdoutOf(() => logger.debug('c'))).toBe('::debug::c\n');
  });
});
