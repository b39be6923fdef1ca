import { instantOf, readDate, readInstant, toInstant } from './calendar.js';

describe('the API reading of dates', () => {
  it.each([
    ['2014-02-28', { year: 2014, month: 2, day: 28 }],
    ['2016-02-29', { year: 2016, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['1900-01-01', { year: 1900, month: 1, day: 1 }],
    ['2100-12-31', { year: 2100, month: 12, day: 31 }],
  ])('reads %s', (text, date) => {
    expect(readDate(text)).toEqual({ ok: true, value: date });
  });

  it.each([
    ['2014-02-29', 'is not a calendar date: 2014-02 has 28 days'],
    ['1900-02-29', 'is not a calendar date: 1900-02 has 28 days'],
    ['2014-04-31', 'is not a calendar date: 2014-04 has 30 days'],
    ['2014-13-45', 'is not a calendar date: there is no month 13'],
    ['2014-00-10', 'is not a calendar date: there is no month 0'],
    ['2014-01-00', 'is not a calendar date: 2014-01 has 31 days'],
    ['0000-01-01', 'must be in the years 1900 to 2100'],
    ['1899-12-31', 'must be in the years 1900 to 2100'],
    ['2101-01-01', 'must be in the years 1900 to 2100'],
    ['+275760-09-13', 'must be a date in the form YYYY-MM-DD'],
    ['2014-W01-1', 'must be a date in the form YYYY-MM-DD'],
    ['20140101', 'must be a date in the form YYYY-MM-DD'],
    ['2014-1-1', 'must be a date in the form YYYY-MM-DD'],
    [' 2014-01-01', 'must be a date in the form YYYY-MM-DD'],
    ['2014-01-01T00:00Z', 'must be a date in the form YYYY-MM-DD'],
    ['٢٠١٤-٠١-٠١', 'must be a date in the form YYYY-MM-DD'],
  ])('refuses %s: %s', (text, problem) => {
    expect(readDate(text)).toEqual({ ok: false, problem });
  });

  it('refuses what is not text', () => {
    for (const value of [null, undefined, 20140101, ['2014-01-01'], { year: 2014 }]) expect(readDate(value).ok).toBe(false);
  });

  it.each([
    ['2014-06-01', '2014-06-01T00:00:00.000Z'],
    ['2014-06-01T00:00Z', '2014-06-01T00:00:00.000Z'],
    ['2014-06-01T12:30:15Z', '2014-06-01T12:30:15.000Z'],
    ['2014-06-01T12:30:15.5Z', '2014-06-01T12:30:15.500Z'],
    ['2014-06-01T12:30:15.123+02:00', '2014-06-01T10:30:15.123Z'],
    ['2014-06-01T00:30-05:30', '2014-06-01T06:00:00.000Z'],
    ['2100-12-31T23:59:59.999-23:59', '2101-01-01T23:58:59.999Z'],
  ])('reads the instant %s', (text, iso) => {
    expect(toInstant(text).toISOString()).toBe(iso);
  });

  it.each([
    '2014-01-01T12',
    '2014-01-01T12:00:00',
    '2014-01-01T24:00Z',
    '2014-01-01T12:60Z',
    '2014-01-01T12:00:60Z',
    '2014-01-01T12:00:00.1234Z',
    '2014-01-01T12:00+24:00',
    '2014-01-01t12:00z',
    '2014-01-01 12:00Z',
    '2030-W01-1',
    '+275760-09-13T00:00:00Z',
    '0000-01-01T00:00Z',
    '2014-02-30T00:00Z',
  ])('refuses the instant %s', (text) => {
    expect(readInstant(text).ok).toBe(false);
  });

  it('a plain date is its start, UTC, unless read in a time zone', () => {
    const reading = readInstant('2015-01-15');
    expect(reading.ok && reading.value.time).toBeNull();
    expect(reading.ok && instantOf(reading.value).toISOString()).toBe('2015-01-15T00:00:00.000Z');
  });
});
