import { Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { ProblemAlert } from '../../ui/problem-alert';
import { Section } from '../../ui/section';
import { historyQuery } from './queries';
import { useHistorySentence } from './wording';
import classes from './commitment.module.css';

/** Who did what, and when, as sentences in the reader's language, the latest first; up to `until` when showing the past. */
export function HistorySection({ code, until }: { code: string; until?: string }) {
  const intl = useIntl();
  const history = useQuery(historyQuery(code));
  const sentence = useHistorySentence();
  const entries = (history.data ?? []).filter((entry) => !until || entry.occurredAt <= until).reverse();
  return (
    <Section title={intl.formatMessage({ id: 'commitment.history.title' })}>
      {history.isPending ? (
        <Loader size="sm" aria-label={intl.formatMessage({ id: 'app.loading' })} />
      ) : history.isError ? (
        <ProblemAlert error={history.error} />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {intl.formatMessage({ id: 'commitment.history.help' }, { count: entries.length })}
          </Text>
          <ol className={classes.timeline}>
            {entries.map((entry) => (
              <li key={entry.position} className={classes.event}>
                <Text>{sentence(entry)}</Text>
              </li>
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}
