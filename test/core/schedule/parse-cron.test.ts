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

describe('parseCron, the values of each field', () => {
  test.each<[string, number[], number[]]>([
    ['00 30,10 5,1 * * ?', [10, 30], [1, 5]],
    ['00 10-20/5 1-3 * * ?', [10, 15, 20], [1, 2, 3]],
    ['00 5/10 * * * ?', [5, 15, 25, 35, 45, 55], Array.from({ length: 24 }, (_, i) => i)],
    ['00 */20 22 * * ?', [0, 20, 40], [22]],
    ['00 00 */12 * * ?', [0], [0, 12]],
    ['00 00 1,1-2 * * ?', [0], [1, 2]],
  ])('%s runs at minutes %j of hours %j', (cron, minutes, hours) => {
    expect(parsed(cron)).toEqual({ minutes, hours, fields: cron.split(' ') });
  });

  test('takes the fields apart at any run of spaces, and ignores spaces around them', () => {
    expect(parsed('  00  00 01\t* * ?  ').fields).toEqual(['00', '00', '01', '*', '*', '?']);
  });

  test.each([
    ['00 a5 01 * * ?', /a number, a range a-b, a step \/n or a list of them in the minute field, got "a5"/],
    ['00 5a 01 * * ?', /a number, a range a-b, a step \/n or a list of them in the minute field, got "5a"/],
    ['00 00 01 0 * ?', /must keep the day field within 1-31, got "0"/],
    ['00 00 24 * * ?', /must keep the hour field within 0-23, got "24"/],
    ['00 20-10 01 * * ?', /must keep the minute field within 0-59, got "20-10"/],
    ['00 */0 01 * * ?', /^must have steps of at least 1 in the minute field, got "\*\/0"$/],
    ['* 00 01 * * ?', /^must have 00 as its second field \(DataWorks schedules by the minute at the finest\), got "\*"$/],
    ['0,30 00 01 * * ?', /second field/],
    ['5 00 01 * * ?', /second field/],
    ['00 00 01 * * *', /^must have "\?" in exactly one of the day and week fields, got "\* \*"$/],
  ])('%s is refused: %s', (cron, problem) => {
    expect(parseCron(cron)).toMatch(problem);
  });

  test('a run of one hour is not compared with the next day\'s', () => {
    expect(typeof parseCron('00 00,57 01 * * ?')).toBe('object');
  });

  test('the last run of one hour is compared with the first of the next', () => {
    expect(parseCron('00 00,30,57 * * * ?')).toMatch(/3 minutes apart/);
  });
});

describe('cycleTypeOf', () => {
  test('several runs in one hour are not a daily cycle', () => {
    expect(cycleTypeOf(parsed('00 00,30 01 * * ?'))).toBe('NOT_DAY');
  });
});
