import { useIntl } from 'react-intl';
import { useMe } from '../../session/session';
import type { Actor, HistoryEntry, Status } from './queries';

/**
 * Dates as the reader writes them: in the interface's language, with the browser's regional conventions for it
 * when it has some (an en-GB browser reads "3 March 2015", an en-US one "March 3, 2015").
 */
export function useDates() {
  const intl = useIntl();
  const locale = navigator.languages.find((tag) => tag.toLowerCase().split('-')[0] === intl.locale) ?? intl.locale;
  const long = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const longUtc = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    /** `2015-01-15` → "15 January 2015" (the day itself, whatever the reader's time zone). */
    day: (day: string) => longUtc.format(Date.parse(`${day}T00:00:00Z`)),
    /** An instant, on the reader's own calendar. */
    instant: (iso: string) => long.format(Date.parse(iso)),
  };
}

/** Which lifecycle move took a commitment from one status to another (the API's lifecycle table, read backwards). */
export function moveAction(from: string, to: string): string {
  if (to === 'accepted') return 'accept';
  if (to === 'under_review') return 'submit_for_review';
  if (to === 'completed') return 'validate_completion';
  if (to === 'discontinued') return 'discontinue';
  if (to === 'in_progress') {
    if (from === 'under_review') return 'return_for_work';
    if (from === 'completed' || from === 'discontinued') return 'reopen';
    return 'start';
  }
  return 'other';
}

/** "a focal point of ILO", "the coordinator", "you": who did something, from the actor an event recorded. */
export function useActorName(): (actor: Actor) => string {
  const intl = useIntl();
  const me = useMe();
  return (actor) => {
    const role =
      me && actor.id === me.id
        ? 'self'
        : actor.id === 'system:catalogue'
          ? 'catalogue'
          : actor.role === 'system'
            ? 'system'
            : (actor.role ?? 'other');
    return intl.formatMessage({ id: 'commitment.actor' }, { role, agency: actor.agency ?? '' });
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * One event of the history as a sentence in the reader's language: "Returned for more work by the coordinator on
 * 3 March 2015: evidence missing". Used by the timeline and by the notice of what changed since the user's version.
 */
export function useHistorySentence(): (entry: HistoryEntry) => string {
  const intl = useIntl();
  const { day, instant } = useDates();
  const actorName = useActorName();
  const list = (items: string[]) => intl.formatList(items, { type: 'conjunction' });
  return (entry) => {
    const p = entry.payload;
    const common = { who: actorName(entry.actor), date: instant(entry.occurredAt) };
    switch (entry.type) {
      case 'CommitmentRegistered':
        return intl.formatMessage({ id: 'commitment.history.registered' }, common);
      case 'CommitmentDetailsRevised': {
        const changed = Object.keys((p.changes as Record<string, unknown> | undefined) ?? {});
        const fields = list(changed.map((field) => intl.formatMessage({ id: 'commitment.history.field' }, { field })));
        return intl.formatMessage({ id: 'commitment.history.revised' }, { ...common, fields });
      }
      case 'CommitmentOwnersAssigned': {
        const supporting = Array.isArray(p.supportingAgencies) ? (p.supportingAgencies as string[]) : [];
        return intl.formatMessage(
          { id: 'commitment.history.owners' },
          { ...common, lead: text(p.leadAgency), count: supporting.length, supporting: list(supporting) },
        );
      }
      case 'CommitmentDueDateSet':
        return intl.formatMessage(
          { id: 'commitment.history.dueDate' },
          { ...common, cleared: p.dueDate ? 'no' : 'yes', dueDate: p.dueDate ? day(text(p.dueDate)) : '' },
        );
      case 'CommitmentStatusChanged': {
        const reason = text(p.reason);
        const sentence = intl.formatMessage(
          { id: 'commitment.history.moved' },
          { ...common, action: moveAction(text(p.from), text(p.to)), hasReason: reason ? 'yes' : 'no', reason },
        );
        if (!p.category) return sentence;
        const category = intl.formatMessage(
          { id: 'commitment.history.category' },
          { category: text(p.category), supersededBy: text(p.supersededBy) },
        );
        return `${sentence} ${category}`;
      }
      case 'ProgressReported':
        return intl.formatMessage(
          { id: 'commitment.history.reported' },
          { ...common, kind: text(p.kind) || 'report', period: String(p.period), agency: text(p.agency) },
        );
      case 'CommitmentExtensionRequested':
        return intl.formatMessage(
          { id: 'commitment.history.extensionRequested' },
          { ...common, dueDate: day(text(p.dueDate)), reason: text(p.reason) },
        );
      case 'CommitmentExtensionApproved':
      case 'CommitmentExtensionDeclined': {
        const comment = text(p.comment);
        return intl.formatMessage(
          { id: 'commitment.history.extensionDecided' },
          {
            ...common,
            decision: entry.type === 'CommitmentExtensionApproved' ? 'approved' : 'declined',
            dueDate: p.dueDate ? day(text(p.dueDate)) : '',
            hasComment: comment ? 'yes' : 'no',
            comment,
          },
        );
      }
      default:
        return intl.formatMessage({ id: 'commitment.history.other' }, common);
    }
  };
}

/** A status in words ("Under review"). */
export function useStatusName(): (status: Status | string) => string {
  const intl = useIntl();
  return (status) => intl.formatMessage({ id: 'commitment.status' }, { status });
}
