import { describe, expect, it } from 'vitest';
import { createEmulatorState, setResourceGroups } from '../../../src/emulator/emulator-state.js';
import { checkTaskContent, checkTaskParam, formatContent, isObject, parseJson } from '../../../src/emulator/handlers/di-task-checks.js';

// What CreateDISyncTask and UpdateDISyncTask check in TaskContent and TaskParam, and the Content
// GetFile shows afterwards.

const refused = (message: string) => ({ ok: false, status: 400, code: 'Invalid.DI.Parameter', message });

describe('checkTaskContent', () => {
  it('accepts a JSON object whose type is job', () => {
    expect(checkTaskContent('{"type":"job","steps":[]}')).toBeNull();
  });

  it('refuses text that is not JSON', () => {
    expect(checkTaskContent('{"type":"job"')).toEqual(refused('TaskContent is invalid. It must be a JSON string.'));
    expect(checkTaskContent('')).toEqual(refused('TaskContent is invalid. It must be a JSON string.'));
  });

  it('refuses another type, or JSON that is not an object, naming what it got', () => {
    const typeMessage = (got: string) => refused(`TaskContent is invalid. The value of type must be job, got [${got}].`);
    expect(checkTaskContent('{"type":"Job"}')).toEqual(typeMessage('Job'));
    expect(checkTaskContent('{}')).toEqual(typeMessage('undefined'));
    expect(checkTaskContent('[{"type":"job"}]')).toEqual(typeMessage('object'));
    expect(checkTaskContent('"job"')).toEqual(typeMessage('string'));
    expect(checkTaskContent('null')).toEqual(typeMessage('object'));
  });
});

describe('checkTaskParam', () => {
  it('accepts any non-blank group while the tenant list is not set', () => {
    expect(checkTaskParam('{"ResourceGroup":"S_anything"}', createEmulatorState())).toBeNull();
  });

  it('refuses a TaskParam that is not a JSON object as a parameter error', () => {
    const state = createEmulatorState();
    for (const text of ['', 'nope', '[]', '"S_res"', 'null']) {
      expect(checkTaskParam(text, state)).toEqual(refused('TaskParam is invalid. It must be a JSON object string.'));
    }
  });

  it('answers a blank or missing group with a status fail naming it', () => {
    const state = createEmulatorState();
    expect(checkTaskParam('{}', state)).toEqual({ ok: 'status-fail', message: 'ResourceGroup:[] is invalid.' });
    expect(checkTaskParam('{"ResourceGroup":"  "}', state)).toEqual({ ok: 'status-fail', message: 'ResourceGroup:[  ] is invalid.' });
    expect(checkTaskParam('{"ResourceGroup":7}', state)).toEqual({ ok: 'status-fail', message: 'ResourceGroup:[] is invalid.' });
  });

  it('once the tenant list is set, refuses a group not on it and accepts one that is', () => {
    const state = createEmulatorState();
    setResourceGroups(state, ['S_a']);
    expect(checkTaskParam('{"ResourceGroup":"S_a"}', state)).toBeNull();
    expect(checkTaskParam('{"ResourceGroup":"S_res_group_emulator"}', state)).toEqual({ ok: 'status-fail', message: 'ResourceGroup:[S_res_group_emulator] is invalid.' });
  });
});

describe('formatContent', () => {
  it('keeps the DI group and CU in extend, beside what extend already holds', () => {
    const shown = formatContent('{"type":"job","extend":{"mode":"wizard"}}', '{"ResourceGroup":"S_1","Cu":4}');
    expect(JSON.parse(shown)).toEqual({ type: 'job', extend: { mode: 'wizard', resourceGroup: 'S_1', cu: 4 } });
  });

  it('adds only what TaskParam has, in the right type', () => {
    expect(JSON.parse(formatContent('{"type":"job"}', '{"Cu":"4","ResourceGroup":"S_1"}'))).toEqual({ type: 'job', extend: { resourceGroup: 'S_1' } });
    expect(JSON.parse(formatContent('{"type":"job","extend":3}', '{"Cu":2}'))).toEqual({ type: 'job', extend: { cu: 2 } });
  });

  it('shows the content as it is when it is not an object or TaskParam adds nothing', () => {
    expect(formatContent('', '{"ResourceGroup":"S_1"}')).toBe('');
    expect(formatContent('[1, 2]', '{"ResourceGroup":"S_1"}')).toBe('[1, 2]');
    expect(formatContent('{ "type": "job" }', '{}')).toBe('{ "type": "job" }');
    expect(formatContent('{ "type": "job" }', 'not json')).toBe('{ "type": "job" }');
  });
});

describe('parseJson and isObject', () => {
  it('parse JSON or say undefined; an object is neither null nor an array', () => {
    expect(parseJson('{"a":[1]}')).toEqual({ a: [1] });
    expect(parseJson('{')).toBeUndefined();
    expect([isObject({}), isObject([]), isObject(null), isObject('x')]).toEqual([true, false, false, false]);
  });
});
