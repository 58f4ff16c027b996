import { expect, it } from 'vitest';

import { describeReason } from '../../src/views/describe-reason.js';

it('names each reason for an update in words', () => {
  expect(describeReason('new')).toBe('first apply');
  expect(describeReason('changed')).toBe('changed');
  expect(describeReason('retry')).toBe('retry: the last attempt failed');
});
