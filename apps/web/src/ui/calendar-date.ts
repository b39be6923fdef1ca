import type { IntlShape } from 'react-intl';

/**
 * A calendar date of the API (`2015-01-15`, no time, no zone) in the reader's language: the same day wherever the
 * reader is, so it is formatted as the UTC day it names.
 */
export function formatCalendarDate(intl: IntlShape, date: string, style: 'long' | 'medium' = 'long'): string {
  return intl.formatDate(Date.parse(`${date}T00:00:00Z`), { dateStyle: style, timeZone: 'UTC' });
}
