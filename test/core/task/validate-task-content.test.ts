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
      { path: ['taskContent', 'order', 'hops', 0, 'to'], message: 'taskContent.order.hops[0].to must name a step (Reader, Writer), got "Writter" (did you mean "Writer"?)' },
      { path: ['taskContent', 'order', 'hops', 1, 'from'], message: 'taskContent.order.hops[1].from must name a step (Reader, Writer), got "Nope"' },
    ]);
  });

  it('says "none defined" when no step has a name, and that each step needs one', () => {
    const content = { steps: [{ category: 'reader' }, { category: 'writer' }], order: { hops: [{ from: 'A', to: '' }] } };
    const unnamed = (i: number) => ({
      path: ['taskContent', 'steps', i, 'name'],
      message: `taskContent.steps[${i}].name is missing: expected a non-empty string (or a displayName, which names a transformer step)`,
    });
    expect(validateTaskContent(content)).toEqual([
      unnamed(0),
      unnamed(1),
      { path: ['taskContent', 'order', 'hops', 0, 'from'], message: 'taskContent.order.hops[0].from must name a step (none defined), got "A"' },
    ]);
  });

  it('accepts transformer steps named by displayName between the reader and the writer, hops naming them', () => {
    const embedding = { stepType: 'embedding-transformer', category: 'flatmap', displayName: 'Embedding', parameter: {} };
    const extract = { stepType: 'json-extracting', category: 'map', displayName: 'Extract', parameter: {} };
    const hops = [{ from: 'Reader', to: 'Extract' }, { from: 'Extract', to: 'Embedding' }, { from: 'Embedding', to: 'Writer' }];
    expect(validateTaskContent({ steps: [reader, extract, embedding, writer], order: { hops } })).toEqual([]);
  });

  it('still needs a reader and a writer when transformer steps are there', () => {
    const embedding = { stepType: 'embedding-transformer', category: 'flatmap', displayName: 'Embedding', parameter: {} };
    expect(validateTaskContent({ steps: [reader, embedding] }).map((i) => i.message)).toEqual([
      'taskContent.steps must include a writer step (category: writer), found none',
    ]);
  });

  it('refuses a displayName that repeats another step\'s name, at the displayName', () => {
    const twin = { stepType: 'embedding-transformer', category: 'flatmap', displayName: 'Reader', parameter: {} };
    expect(validateTaskContent({ steps: [reader, twin, writer] })).toEqual([
      { path: ['taskContent', 'steps', 1, 'displayName'], message: 'taskContent.steps[1].displayName must be unique, got "Reader" (also the name of taskContent.steps[0])' },
    ]);
  });

  it('leaves malformed shapes to the schema', () => {
    expect(validateTaskContent('{"steps": []}')).toEqual([]);
    expect(validateTaskContent({ steps: 'x' })).toEqual([]);
    expect(validateTaskContent({ steps: [reader, writer, 3, { name: 7, category: 'reader' }], order: { hops: [5, { from: 1, to: null }] } })).toEqual([]);
    expect(validateTaskContent({ steps: [reader, writer], order: { hops: 'Reader->Writer' } })).toEqual([]);
  });
});
