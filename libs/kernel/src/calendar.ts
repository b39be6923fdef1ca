/**
 * The one reading of dates and instants for the whole API (request bodies, query parameters, the domain).
 *
 * - A **date** is `YYYY-MM-DD`, a day that exists on the Gregorian calendar.
 * - An **instant** is a date (the start of that day; in UTC unless the caller reads it in a time zone) or an
 *   RFC 3339 date-time with its offset: `YYYY-MM-DDThh:mm[:ss[.sss]]` then `Z` or `±hh:mm`.
 * - Years run from 1900 to 2100, which covers anything this domain can mean; beyond them a value is a mistake
 *   (`0000-01-01`, `+275760-09-13`).
 *
 * Nothing else is read: no week dates (`2014-W01-1`), no basic format (`20140101`), no partial times
 * (`2014-01-01T12`), no date-time without an offset, no leap second. `Date.parse` and ISO 8601 validators accept
 * some of these and read others differently, so nothing in the API parses a date any other way.
 */

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC. */
  offsetMinutes: number;
}

/** A date, or a date with a time of day and its offset: an instant. */
export interface DateOrDateTime {
  date: CalendarDate;
  /** null: a plain date, whose instant depends on the time zone it is read in. */
  time: TimeOfDay | null;
}

export type Reading<T> = { ok: true; value: T } | { ok: false; problem: string };

export const DATE_FORMAT = 'YYYY-MM-DD';
export const INSTANT_FORMAT = 'YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.sss]] with Z or ±hh:mm';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

const fail = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function checkDate(year: number, month: number, day: number): Reading<CalendarDate> {
  if (year < FIRST_YEAR || year > LAST_YEAR) return fail(`must be in the years ${FIRST_YEAR} to ${LAST_YEAR}`);
  if (month < 1 || month > 12) return fail(`is not a calendar date: there is no month ${month}`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return fail(`is not a calendar date: ${year}-${String(month).padStart(2, '0')} has ${days} days`);
  return { ok: true, value: { year, month, day } };
}

/** Reads `YYYY-MM-DD`. */
export function readDate(text: unknown): Reading<CalendarDate> {
  const match = typeof text === 'string' ? DATE.exec(text) : null;
  if (!match) return fail(`must be a date in the form ${DATE_FORMAT}`);
  return checkDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Reads a date or an RFC 3339 date-time with its offset. */
export function readInstant(text: unknown): Reading<DateOrDateTime> {
  if (typeof text === 'string' && DATE.test(text)) {
    const date = readDate(text);
    return date.ok ? { ok: true, value: { date: date.value, time: null } } : date;
  }
  const match = typeof text === 'string' ? DATE_TIME.exec(text) : null;
  if (!match) return fail(`must be a date (YYYY-MM-DD) or a date-time with its offset (YYYY-MM-DDThh:mm[:ss[.sss]]Z or ±hh:mm)`);
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, oh, om] = match;
  const date = checkDate(Number(y), Number(mo), Number(d));
  if (!date.ok) return date;
  const time = { hour: Number(h), minute: Number(mi), second: Number(s ?? 0), millisecond: Number((fraction ?? '0').padEnd(3, '0')) };
  if (time.hour > 23 || time.minute > 59 || time.second > 59)
    return fail('has no such time of day (hours 00-23, minutes and seconds 00-59)');
  const offsetMinutes = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  if (!zulu && (Number(oh) > 23 || Number(om) > 59)) return fail('has no such offset (±hh:mm, hours 00-23, minutes 00-59)');
  return { ok: true, value: { date: date.value, time: { ...time, offsetMinutes } } };
}

/** The instant a reading stands for; a plain date is the start of that day in UTC. */
export function instantOf({ date, time }: DateOrDateTime): Date {
  const t = time ?? { hour: 0, minute: 0, second: 0, millisecond: 0, offsetMinutes: 0 };
  return new Date(Date.UTC(date.year, date.month - 1, date.day, t.hour, t.minute, t.second, t.millisecond) - t.offsetMinutes * 60_000);
}

/** The instant an accepted text stands for; throws on text the API would have refused (a programming error). */
export function toInstant(text: string): Date {
  const reading = readInstant(text);
  if (!reading.ok) throw new Error(`Not an instant the API accepts: ${JSON.stringify(text)} ${reading.problem}`);
  return instantOf(reading.value);
}
