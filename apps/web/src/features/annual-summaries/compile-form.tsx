import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { ProblemError } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { Section } from '../../ui/section';
import { FIRST_SUMMARY_YEAR, knownAtOf, today, useRequestSummary, type SummaryVersion } from './queries';

const KNOWN_AT_ID = 'summary-known-at';

/**
 * For coordinators (and admins): ask the worker to compile the year's summary, optionally as the tracker knew
 * things at the end of a past day. The page then follows the version it was given.
 */
export function CompileForm({ year, onRequested }: { year: number; onRequested: (version: SummaryVersion) => void }) {
  const intl = useIntl();
  const request = useRequestSummary(year);
  const [day, setDay] = useState('');
  const [dayError, setDayError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const latestDay = today(new Date());

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    // the date input gives '' for a date it cannot read, as for none; a date typed after today is refused here
    if (day && day > latestDay) {
      setDayError(intl.formatMessage({ id: 'summaries.compile.error.knownAtFuture' }));
      document.getElementById(KNOWN_AT_ID)?.focus();
      return;
    }
    setDayError(null);
    request.mutate(day ? knownAtOf(day, new Date()) : undefined, {
      onSuccess: onRequested,
      onError: (error) => {
        const field = error instanceof ProblemError ? error.fieldMessage('knownAt') : undefined;
        if (field) {
          setDayError(intl.formatMessage({ id: 'summaries.compile.error.knownAtFuture' }));
          document.getElementById(KNOWN_AT_ID)?.focus();
        } else setFailure(error);
      },
    });
  };

  return (
    <Section title={intl.formatMessage({ id: 'summaries.compile.title' })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{intl.formatMessage({ id: 'summaries.compile.help' }, { year })}</Text>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              id={KNOWN_AT_ID}
              type="date"
              label={intl.formatMessage({ id: 'summaries.compile.knownAt' })}
              description={intl.formatMessage({ id: 'summaries.compile.knownAtHelp' })}
              min={`${FIRST_SUMMARY_YEAR}-01-01`}
              max={latestDay}
              value={day}
              error={dayError}
              aria-invalid={dayError ? true : undefined}
              onChange={(event) => {
                setDay(event.currentTarget.value);
                setDayError(null);
              }}
              style={{ flex: '1 1 18rem' }}
            />
            <Button type="submit" loading={request.isPending}>
              {intl.formatMessage({ id: 'summaries.compile.submit' }, { year })}
            </Button>
          </Group>
          {failure !== null && <ProblemAlert error={failure} />}
        </Stack>
      </form>
    </Section>
  );
}
