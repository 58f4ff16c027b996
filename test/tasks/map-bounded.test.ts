import { expect, test } from 'vitest';
import { mapBounded } from '../../src/tasks/map-bounded.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('gives the results in the order of the items, whatever order they finish in', async () => {
  const results = await mapBounded([30, 5, 20, 0, 10], 3, async (ms) => {
    await tick(ms);
    return ms * 2;
  });
  expect(results).toEqual([60, 10, 40, 0, 20]);
});

test('has at most `concurrency` calls in flight, and that many when there is work for them', async () => {
  let running = 0;
  let most = 0;
  const seen: number[] = [];
  await mapBounded(Array.from({ length: 20 }, (_, i) => i), 4, async (i) => {
    most = Math.max(most, ++running);
    await tick(1);
    seen.push(i);
    running -= 1;
  });
  expect(most).toBe(4);
  expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
});

test('an empty list gives an empty list, and a concurrency above the count is fine', async () => {
  expect(await mapBounded([], 8, async () => 1)).toEqual([]);
  expect(await mapBounded([1, 2], 8, async (n) => n + 1)).toEqual([2, 3]);
});

test('rejects with the first failure', async () => {
  await expect(
    mapBounded([1, 2, 3], 2, async (n) => {
      if (n === 2) throw new Error('two');
      return n;
    }),
  ).rejects.toThrow('two');
});
