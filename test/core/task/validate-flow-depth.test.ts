import { describe, expect, it } from 'vitest';
import { findExcessiveFlowDepth, MAX_FLOW_DEPTH } from '../../../src/core/task/validate-flow-depth.js';

describe('findExcessiveFlowDepth', () => {
  it(`allows ${MAX_FLOW_DEPTH} levels and gives the offset of the first bracket past them`, () => {
    expect(findExcessiveFlowDepth(`a: ${'['.repeat(MAX_FLOW_DEPTH)}${']'.repeat(MAX_FLOW_DEPTH)}`)).toBeNull();
    expect(findExcessiveFlowDepth(`a: ${'['.repeat(MAX_FLOW_DEPTH + 1)}`)).toBe(3 + MAX_FLOW_DEPTH);
  });

  it('counts square and curly brackets together, and closing ones bring the depth down', () => {
    expect(findExcessiveFlowDepth('{[{', 2)).toBe(2);
    expect(findExcessiveFlowDepth('[[]][[]]', 2)).toBeNull();
    expect(findExcessiveFlowDepth('[[]][[[', 2)).toBe(6);
  });

  it('does not let stray closing brackets lower the depth below zero', () => {
    expect(findExcessiveFlowDepth(']]]][[[', 2)).toBe(6);
  });

  it('counts brackets inside quoted strings too', () => {
    expect(findExcessiveFlowDepth('a: "[[["', 2)).toBe(6);
  });
});

describe('findExcessiveFlowDepth, closing brackets', () => {
  it('takes a closing curly bracket down like a square one, and counts no depth below zero', () => {
    const deep = MAX_FLOW_DEPTH;
    expect(findExcessiveFlowDepth(`${'{'.repeat(deep)}}${'['}`)).toBeNull();
    expect(findExcessiveFlowDepth(`a: ${'['.repeat(deep)}x${'['}`)).toBe(3 + deep + 1);
    expect(findExcessiveFlowDepth(`}}${'['.repeat(deep + 1)}`)).toBe(2 + deep);
  });
});
