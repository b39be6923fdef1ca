import { DateTime, IANAZone } from 'luxon';
import { DomainError, instantOf, readInstant } from '@hld/kernel';

export const DEFAULT_TIME_ZONE = 'America/New_York';

export class InvalidCycleDate extends DomainError {
  constructor(field: string, message: string) {
    super('INVALID_CYCLE_DATE', 'unprocessable', `${field} ${message}.`, {}, [{ field, message }]);
  }
}

/**
 * A cycle date as people write it (the API's one reading of dates, see @hld/kernel), in the cycle's time zone:
 * "2015-01-15" is that whole day there (its start, or with `endOfDay` its last millisecond, for deadlines); a
 * date-time with an offset is that instant.
 */
export function toInstant(field: string, value: string, timeZone: string, endOfDay = false): Date {
  const reading = readInstant(value);
  if (!reading.ok) throw new InvalidCycleDate(field, reading.problem);
  const { date, time } = reading.value;
  if (time) return instantOf(reading.value);
  const day = DateTime.fromObject(date, { zone: timeZone });
  return (endOfDay ? day.endOf('day') : day).toJSDate();
}

export function assertTimeZone(timeZone: string): void {
  if (!IANAZone.isValidZone(timeZone))
    throw new InvalidCycleDate('timeZone', `"${timeZone}" is not an IANA time zone such as America/New_York`);
}

/** The instant `days` days before `instant`, counted in the cycle's time zone (so DST shifts keep the clock time). */
export function daysBefore(instant: Date, days: number, timeZone: string): Date {
  return DateTime.fromJSDate(instant, { zone: timeZone }).minus({ days }).toJSDate();
}

export function daysAfter(instant: Date, days: number, timeZone: string): Date {
  return DateTime.fromJSDate(instant, { zone: timeZone }).plus({ days }).toJSDate();
}
