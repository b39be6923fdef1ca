import { DateTime, IANAZone } from 'luxon';
import { DomainError } from '@hld/kernel';

export const DEFAULT_TIME_ZONE = 'America/New_York';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class InvalidCycleDate extends DomainError {
  constructor(field: string, message: string) {
    super('INVALID_CYCLE_DATE', 'unprocessable', `${field} ${message}.`, {}, [{ field, message }]);
  }
}

/**
 * A cycle date as people write it, in the cycle's time zone: "2015-01-15" is that whole day there (its start,
 * or with `endOfDay` its last millisecond, for deadlines); a date-time with an offset is that instant.
 */
export function toInstant(field: string, value: string, timeZone: string, endOfDay = false): Date {
  const parsed = DATE_ONLY.test(value)
    ? DateTime.fromISO(value, { zone: timeZone })
    : DateTime.fromISO(value, { zone: timeZone, setZone: false });
  if (!parsed.isValid) throw new InvalidCycleDate(field, 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time');
  return (DATE_ONLY.test(value) && endOfDay ? parsed.endOf('day') : parsed).toJSDate();
}

export function assertTimeZone(timeZone: string): void {
  if (!IANAZone.isValidZone(timeZone)) throw new InvalidCycleDate('timeZone', `"${timeZone}" is not an IANA time zone such as America/New_York`);
}

/** The instant `days` days before `instant`, counted in the cycle's time zone (so DST shifts keep the clock time). */
export function daysBefore(instant: Date, days: number, timeZone: string): Date {
  return DateTime.fromJSDate(instant, { zone: timeZone }).minus({ days }).toJSDate();
}

export function daysAfter(instant: Date, days: number, timeZone: string): Date {
  return DateTime.fromJSDate(instant, { zone: timeZone }).plus({ days }).toJSDate();
}
