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
