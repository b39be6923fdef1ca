import { Text, type TextProps } from '@mantine/core';
import { useIntl, type IntlShape } from 'react-intl';
import type { MessageId } from '../i18n/catalogue';
import { formatCalendarDate } from '../ui/calendar-date';
import type { Notice } from './queries';

/** The facts each kind of notice is worded from; a notice without them (recorded before they were kept) shows its subject. */
const NEEDS: Record<string, readonly string[]> = {
  call_for_inputs: ['year', 'agency', 'count'],
  deadline_reminder: ['year', 'agency', 'count', 'daysLeft'],
  report_overdue: ['year', 'agency', 'count'],
  coordinator_digest: ['total'],
  due_date_reminder: ['code', 'dueDate', 'daysLeft'],
  due_date_overdue: ['code', 'dueDate'],
  summary_ready: ['year', 'version'],
};

/**
 * What a notice says, in the reader's language when its kind and facts are known; otherwise the subject it was
 * emailed with, which is English (and marked so, for screen readers).
 */
export function noticeTitle(intl: IntlShape, notice: Notice): { text: string; lang?: 'en' } {
  const facts = notice.facts ?? {};
  const needs = NEEDS[notice.kind];
  if (!needs || needs.some((key) => facts[key] === undefined || facts[key] === null)) return { text: notice.subject, lang: 'en' };
  const values = {
    ...facts,
    year: String(facts.year ?? ''),
    ...(typeof facts.dueDate === 'string' ? { dueDate: formatCalendarDate(intl, facts.dueDate) } : {}),
  };
  return { text: intl.formatMessage({ id: `notice.${notice.kind}` as MessageId }, values) };
}

/** The notice's title as text; `inline` inside a link or a sentence. */
export function NoticeTitle({ notice, inline = false, ...props }: TextProps & { notice: Notice; inline?: boolean }) {
  const intl = useIntl();
  const { text, lang } = noticeTitle(intl, notice);
  return (
    <Text {...props} component={inline ? 'span' : 'p'} lang={lang}>
      {text}
    </Text>
  );
}
