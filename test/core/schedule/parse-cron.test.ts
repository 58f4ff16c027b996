import { describe, expect, test } from 'vitest';
import { cycleTypeOf, parseCron } from '../../../src/core/schedule/parse-cron.js';

function parsed(cron: string) {
  const result = parseCron(cron);
  if (typeof result === 'string') throw new Error(result);
  return result;
}

describe('parseCron', () => {
  test.each([
    ['00 00 01 * * ?', 'DAY'],
    ['00 30 23 ? * 1,3', 'DAY'],
    ['00 00 00 1 * ?', 'DAY'],
    ['00 00-59/5 1-23 * * ?', 'NOT_DAY'], // the SDK model's example
    ['00 */30 * * * ?', 'NOT_DAY'],
    ['00 00 00-23/6 * * ?', 'NOT_DAY'],
    ['0 0 1,13 * * ?', 'NOT_DAY'],
  ])('%s is valid, cycle %s', (cron, cycle) => {
    expect(cycleTypeOf(parsed(cron))).toBe(cycle);
  });

  test.each([
    ['00 00 01 * *', /six fields/],
    ['00 */4 * * * ?', /at least 5 minutes apart.*4 minutes/],
    ['00 58,59 * * * ?', /1 minute apart/],
    ['00 55 * * * ?', null], // once an hour: 60 minutes apart
    ['00 00,57 * * * ?', /3 minutes apart/], // 57 and the next hour's 00
    ['30 00 01 * * ?', /second field/],
    ['00 60 01 * * ?', /within 0-59/],
    ['00 00 01 * * *', /exactly one of the day and week/],
    ['00 00 01 ? * ?', /exactly one of the day and week/],
    ['00 ? 01 * * ?', /"\?" in the minute field/],
    ['00 a 01 * * ?', /a number, a range/],
  ])('%s', (cron, problem) => {
    const result = parseCron(cron);
    if (problem === null) expect(typeof result).toBe('object');
    else expect(result).toMatch(problem);
  });
});
