/**
 * When the catalogue's facts took effect in the world. The catalogue is loaded years later, so each commitment is
 * registered effective at its source's publication and each follow-up action at the meeting where it was reported;
 * the load itself is their recorded time.
 */

/** The Secretary-General's report to the HLD, A/68/190, with the eight-point agenda for action: 25 July 2013. */
export const AGENDA_FOR_ACTION_PUBLISHED = '2013-07-25';

/**
 * The book "International Migration and Development: Contributions and Recommendations of the International
 * System" (UNFPA/IOM, 2013), source of the entities' recommendations and of the joint key elements. The book itself
 * carries no date (its text still speaks of the HLD as to come): the catalogue takes the HLD's opening day.
 */
export const BOOK_PUBLISHED = '2013-10-03';

/** The coordination meetings whose reports the follow-up actions come from, by how a report's source names them. */
export const COORDINATION_MEETINGS: ReadonlyArray<{ name: string; firstDay: string; source: RegExp }> = [
  {
    name: '12th Coordination Meeting (ESA/P/WP.237)',
    firstDay: '2014-02-20',
    source: /ESA\/P\/WP\.237|\b(12th|twelfth) Coordination Meeting/i,
  },
  { name: '13th Coordination Meeting', firstDay: '2015-02-12', source: /\b(13th|thirteenth) Coordination Meeting/i },
];

/** The day a commitment was made: the eight agenda points (SG8-…) by A/68/190, every other one by the book. */
export function registrationDate(code: string): string {
  return code.startsWith('SG8-') ? AGENDA_FOR_ACTION_PUBLISHED : BOOK_PUBLISHED;
}

/** The first day of the meeting a report's source names, or null when it names none the catalogue knows. */
export function meetingDate(source: string): string | null {
  return COORDINATION_MEETINGS.find((meeting) => meeting.source.test(source))?.firstDay ?? null;
}
