import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { PageTitle } from '../../ui/page-title';
import { summaryVersionsQuery, summaryYears } from './queries';
import classes from './annual-summaries.module.css';

/** Every year a summary can cover, newest first, each with where its latest version stands. */
export function SummaryYearsPage() {
  const intl = useIntl();
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{intl.formatMessage({ id: 'summaries.index.title' })}</PageTitle>
        <Text mt="-sm">{intl.formatMessage({ id: 'summaries.index.intro' })}</Text>
      </div>
      <Stack component="ul" gap="xs" className={classes.plainList} aria-label={intl.formatMessage({ id: 'summaries.index.list' })}>
        {summaryYears(new Date()).map((year) => (
          <YearItem key={year} year={year} />
        ))}
      </Stack>
    </Stack>
  );
}

function YearItem({ year }: { year: number }) {
  const intl = useIntl();
  const linkId = useId();
  // each year asks on its own: the list shows at once and fills in
  const versions = useQuery(summaryVersionsQuery(year));
  const latest = versions.data?.[0];
  return (
    <Paper component="li" withBorder px="md" py="sm" radius="sm" aria-labelledby={linkId}>
      <Group gap="xs" wrap="wrap" align="baseline">
        <Anchor
          renderRoot={(props) => <Link {...props} to="/annual-summaries/$year" params={{ year: String(year) }} />}
          fw={600}
          id={linkId}
        >
          {intl.formatMessage({ id: 'summaries.index.year' }, { year })}
        </Anchor>
        <Text size="sm">
          {versions.isPending
            ? intl.formatMessage({ id: 'app.loading' })
            : versions.isError
              ? intl.formatMessage({ id: 'summaries.index.unknown' })
              : latest
                ? intl.formatMessage(
                    { id: 'summaries.index.latest' },
                    {
                      version: latest.version,
                      status: latest.status,
                      count: versions.data.length,
                      date: intl.formatDate(latest.finishedAt ?? latest.requestedAt, { dateStyle: 'long' }),
                    },
                  )
                : intl.formatMessage({ id: 'summaries.index.none' })}
        </Text>
      </Group>
    </Paper>
  );
}
