import { describe, expect, it } from 'vitest';
import { validateTaskContent } from '../../../src/core/task/validate-task-content.js';

const reader = { stepType: 'mysql', category: 'reader', name: 'Reader', parameter: {} };
const writer = { stepType: 'odps', category: 'writer', name: 'Writer', parameter: {} };

describe('validateTaskContent', () => {
  it('accepts a reader, a writer and a hop between them', () => {
    expect(validateTaskContent({ steps: [reader, writer], order: { hops: [{ from: 'Reader', to: 'Writer' }] } })).toEqual([]);
  });

  it('asks for a reader and a writer when the steps have neither', () => {
    expect(validateTaskContent({ steps: [] })).toEqual([
      { path: ['taskContent', 'steps'], message: 'taskContent.steps must include a reader step (category: reader), found none' },
      { path: ['taskContent', 'steps'], message: 'taskContent.steps must include a writer step (category: writer), found none' },
    ]);
  });

  it('asks only for the missing writer', () => {
    expect(validateTaskContent({ steps: [reader] })).toEqual([
      { path: ['taskContent', 'steps'], message: 'taskContent.steps must include a writer step (category: writer), found none' },
    ]);
  });

  it('does not ask for a reader when a step has a misspelt category (the schema reports that)', () => {
    expect(validateTaskContent({ steps: [{ ...reader, category: 'raeder' }, writer] })).toEqual([]);
  });

  it('names the first step a duplicate name repeats, at the duplicate', () => {
    const steps = [reader, writer, { ...writer, category: 'writer' }, { ...reader }];
    expect(validateTaskContent({ steps })).toEqual([
      { path: ['taskContent', 'steps', 2, 'name'], message: 'taskContent.steps[2].name must be unique, got "Writer" (also the name of taskContent.steps[1])' },
      { path: ['taskContent', 'steps', 3, 'name'], message: 'taskContent.steps[3].name must be unique, got "Reader" (also the name of taskContent.steps[0])' },
    ]);
  });

  it('reports a hop end that names no step, listing the step names', () => {
    const content = { steps: [reader, writer], order: { hops: [{ from: 'Reader', to: 'Writter' }, { from: 'Nope', to: 'Writer' }] } };
    expect(validateTaskContent(content)).toEqual([
      { path: ['taskContent', 'order', 'hops', 0, 'to'], message: 'taskContent.order.hops[0].to must name a step (Reader, Writer), got "Writter"' },
      { path: ['taskContent', 'order', 'hops', 1, 'from'], message: 'taskContent.order.hops[1].from must name a step (Reader, Writer), got "Nope"' },
    ]);
  });

  it('says "none defined" when no step has a name', () => {
    const content = { steps: [{ category: 'reader' }, { category: 'writer' }], order: { hops: [{ from: 'A', to: '' }] } };
    expect(validateTaskContent(content)).toEqual([
      { path: ['taskContent', 'order', 'hops', 0, 'from'], message: 'taskContent.order.hops[0].from must name a step (none defined), got "A"' },
    ]);
  });

  it('leaves malformed shapes to the schema', () => {
    expect(validateTaskContent('{"steps": []}')).toEqual([]);
    expect(validateTaskContent({ steps: 'x' })).toEqual([]);
    expect(validateTaskContent({ steps: [reader, writer, 3, { name: 7, category: 'reader' }], order: { hops: [5, { from: 1, to: null }] } })).toEqual([]);
    expect(validateTaskContent({ steps: [reader, writer], order: { hops: 'Reader->Writer' } })).toEqual([]);
  });
});
