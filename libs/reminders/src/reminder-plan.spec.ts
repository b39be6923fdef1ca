import type { ReportingCycleState } from '@hld/reporting-cycles';
import type { PlannedReminder } from './queues.js';
import { planCycle, planDueDate } from './reminder-plan.js';

/** The 2014 cycle: opens 1 November 2014, reports due 15 January 2015 (end of day, New York), reminders 14 and 3 days before. */
const cycle = (changes: Partial<ReportingCycleState> = {}): ReportingCycleState => ({
  year: 2014,
  opensAt: new Date('2014-11-01T04:00:00Z'),
  deadline: new Date('2015-01-16T04:59:59.999Z'),
  meetingDate: null,
  summaryDate: null,
  timeZone: 'America/New_York',
  reminderOffsetsDays: [14, 3],
  version: 1,
  updatedAt: new Date('2014-10-01T00:00:00Z'),
  ...changes,
});

/** A plan as `<job name> <fire time>` lines, in plan order. */
const lines = (plan: PlannedReminder[]) => plan.map((p) => `${p.name} ${p.data.fireAt}`);

const OPEN = 'cycle-open 2014-11-01T04:00:00.000Z';
const REMINDER_14 = 'cycle-reminder 2015-01-02T04:59:59.999Z';
const REMINDER_3 = 'cycle-reminder 2015-01-13T04:59:59.999Z';
const DEADLINE = 'cycle-deadline 2015-01-16T04:59:59.999Z';

describe('planCycle', () => {
  it.each<[string, Partial<ReportingCycleState>, string, string[]]>([
    [
      'before the opening: the call for inputs, a reminder per offset, the deadline',
      {},
      '2014-10-15T00:00:00Z',
      [OPEN, REMINDER_14, REMINDER_3, DEADLINE],
    ],
    [
      'once open: the call for inputs all the same (it goes out at once)',
      {},
      '2014-12-01T00:00:00Z',
      [OPEN, REMINDER_14, REMINDER_3, DEADLINE],
    ],
    ['a reminder missed by less than a day still goes out, late', {}, '2015-01-03T04:00:00Z', [OPEN, REMINDER_14, REMINDER_3, DEADLINE]],
    ['a reminder missed by more than a day is dropped', {}, '2015-01-03T06:00:00Z', [OPEN, REMINDER_3, DEADLINE]],
    [
      'no reminder before the opening: the call for inputs covers it',
      { reminderOffsetsDays: [90, 3] },
      '2014-10-15T00:00:00Z',
      [OPEN, REMINDER_3, DEADLINE],
    ],
    ['no offsets: the call for inputs and the deadline', { reminderOffsetsDays: [] }, '2014-10-15T00:00:00Z', [OPEN, DEADLINE]],
    ['the deadline has passed: only the deadline (its overdue notices and digest)', {}, '2015-02-01T00:00:00Z', [DEADLINE]],
    ['at the deadline itself, it has passed', {}, '2015-01-16T04:59:59.999Z', [DEADLINE]],
    [
      "days are counted in the cycle's time zone: across a change to summer time the clock time stays",
      { opensAt: new Date('2015-02-01T05:00:00Z'), deadline: new Date('2015-03-16T03:59:59.999Z'), reminderOffsetsDays: [14] },
      '2015-01-20T00:00:00Z',
      ['cycle-open 2015-02-01T05:00:00.000Z', 'cycle-reminder 2015-03-02T04:59:59.999Z', 'cycle-deadline 2015-03-16T03:59:59.999Z'],
    ],
  ])('%s', (_case, changes, now, expected) => {
    expect(lines(planCycle(cycle(changes), new Date(now)))).toEqual(expected);
  });

  it('keys name the year, the kind, the offset and the fire time, and the data what the job needs', () => {
    expect(planCycle(cycle(), new Date('2014-10-15T00:00:00Z'))).toEqual([
      { name: 'cycle-open', data: { key: 'cycle-2014-open-1414814400', fireAt: '2014-11-01T04:00:00.000Z', year: 2014 } },
      {
        name: 'cycle-reminder',
        data: { key: 'cycle-2014-reminder-14-1420174799', fireAt: '2015-01-02T04:59:59.999Z', year: 2014, days: 14 },
      },
      {
        name: 'cycle-reminder',
        data: { key: 'cycle-2014-reminder-3-1421125199', fireAt: '2015-01-13T04:59:59.999Z', year: 2014, days: 3 },
      },
      { name: 'cycle-deadline', data: { key: 'cycle-2014-deadline-1421384399', fireAt: '2015-01-16T04:59:59.999Z', year: 2014 } },
    ]);
  });

  it('the same dates plan the same keys; a moved deadline plans new ones for what it moves, and only for that', () => {
    const now = new Date('2014-12-01T00:00:00Z');
    const keys = (state: ReportingCycleState) => planCycle(state, now).map((p) => p.data.key);
    expect(keys(cycle())).toEqual(keys(cycle({ version: 2 })));
    const moved = keys(cycle({ deadline: new Date('2015-01-31T04:59:59.999Z') }));
    expect(moved[0]).toBe('cycle-2014-open-1414814400');
    expect(moved.slice(1)).toEqual([
      'cycle-2014-reminder-14-1421470799',
      'cycle-2014-reminder-3-1422421199',
      'cycle-2014-deadline-1422680399',
    ]);
  });
});

describe('planDueDate', () => {
  const due = { id: 'c0ffee00-0000-4000-8000-000000000001', dueDate: '2015-06-30' };
  const REMINDER_30 = 'due-reminder 2015-05-31T00:00:00.000Z';
  const REMINDER_7 = 'due-reminder 2015-06-23T00:00:00.000Z';
  const OVERDUE = 'due-overdue 2015-07-01T00:00:00.000Z';

  it.each<[string, number[], string, string[]]>([
    [
      'ahead of time: a reminder per offset (UTC days), and the overdue notice once the due day has ended',
      [30, 7],
      '2015-05-01T00:00:00Z',
      [REMINDER_30, REMINDER_7, OVERDUE],
    ],
    ['a reminder missed by less than a day still goes out', [30, 7], '2015-05-31T23:00:00Z', [REMINDER_30, REMINDER_7, OVERDUE]],
    ['a reminder missed by more than a day is dropped', [30, 7], '2015-06-10T00:00:00Z', [REMINDER_7, OVERDUE]],
    ['no offsets: the overdue notice only', [], '2015-05-01T00:00:00Z', [OVERDUE]],
    ['overdue for less than 30 days: the notice still goes out', [30, 7], '2015-07-30T00:00:00Z', [OVERDUE]],
    ['overdue for more than 30 days: left to the digests', [30, 7], '2015-08-01T00:00:00Z', []],
  ])('%s', (_case, offsets, now, expected) => {
    expect(lines(planDueDate(due, offsets, new Date(now)))).toEqual(expected);
  });

  it('keys name the commitment, the offset and the due date, so an extension plans anew', () => {
    const now = new Date('2015-05-01T00:00:00Z');
    expect(planDueDate(due, [7], now)).toEqual([
      {
        name: 'due-reminder',
        data: {
          key: `due-${due.id}-reminder-7-2015-06-30`,
          fireAt: '2015-06-23T00:00:00.000Z',
          commitmentId: due.id,
          dueDate: '2015-06-30',
          days: 7,
        },
      },
      {
        name: 'due-overdue',
        data: { key: `due-${due.id}-overdue-2015-06-30`, fireAt: '2015-07-01T00:00:00.000Z', commitmentId: due.id, dueDate: '2015-06-30' },
      },
    ]);
    expect(planDueDate({ ...due, dueDate: '2015-09-30' }, [7], now).map((p) => p.data.key)).toEqual([
      `due-${due.id}-reminder-7-2015-09-30`,
      `due-${due.id}-overdue-2015-09-30`,
    ]);
  });
});
