import { Anchor, Badge, Box, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { Section } from '../../ui/section';
import { ProblemAlert } from '../../ui/problem-alert';
import { progressReportsQuery, type ProgressReport } from './queries';
import { useActorName, useDates } from './wording';

/** The progress reports, period by period (newest first); up to `until` (an instant) when the page shows the past. */
export function ProgressReportsSection({ code, until }: { code: string; until?: string }) {
  const intl = useIntl();
  const reports = useQuery(progressReportsQuery(code));
  const periods = (reports.data?.periods ?? [])
    .map((period) => ({ ...period, reports: period.reports.filter((r) => !until || r.reportedAt <= until) }))
    .filter((period) => period.reports.length > 0);
  return (
    <Section title={intl.formatMessage({ id: 'commitment.reports.title' })}>
      {reports.isPending ? (
        <Loader size="sm" aria-label={intl.formatMessage({ id: 'app.loading' })} />
      ) : reports.isError ? (
        <ProblemAlert error={reports.error} />
      ) : periods.length === 0 ? (
        <Text>{intl.formatMessage({ id: 'commitment.reports.none' })}</Text>
      ) : (
        <Stack gap="lg">
          {periods.map((period) => (
            <Stack key={period.period} gap="sm" component="section" aria-labelledby={`period-${period.period}`}>
              <Title order={3} size="h4" id={`period-${period.period}`}>
                {intl.formatMessage({ id: 'commitment.reports.period' }, { period: String(period.period), count: period.reports.length })}
              </Title>
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {period.reports.map((report) => (
                  <ReportCard key={report.id} report={report} />
                ))}
              </Stack>
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function ReportCard({ report }: { report: ProgressReport }) {
  const intl = useIntl();
  const { instant } = useDates();
  const actorName = useActorName();
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{report.agency}</Text>
          <Badge variant="light" color={report.kind === 'no_change' ? 'gray' : 'unBlue'} radius="sm" tt="none">
            {intl.formatMessage({ id: 'commitment.reports.kind' }, { kind: report.kind })}
          </Badge>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{report.summary}</Text>
        {report.evidenceUrls.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {intl.formatMessage({ id: 'commitment.reports.evidence' })}
            </Text>
            <Stack gap={2} component="ul" style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
              {report.evidenceUrls.map((url) => (
                <li key={url}>
                  <Anchor href={url} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {url}
                  </Anchor>
                </li>
              ))}
            </Stack>
          </Stack>
        )}
        {report.indicators.length > 0 && <IndicatorTable report={report} />}
        <Text size="sm" c="dimmed">
          {intl.formatMessage({ id: 'commitment.reports.by' }, { who: actorName(report.reportedBy), date: instant(report.reportedAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * The indicators as a table; on a narrow screen the cells wrap between words, and a word too long for its column
 * (a code, an address) scrolls the table within its own box, which the keyboard can reach.
 */
function IndicatorTable({ report }: { report: ProgressReport }) {
  const intl = useIntl();
  const { day } = useDates();
  const caption = intl.formatMessage({ id: 'commitment.reports.indicators' }, { count: report.indicators.length });
  const value = (v: number | string) => (typeof v === 'number' ? intl.formatNumber(v) : v);
  return (
    <Box role="group" aria-label={caption} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table withTableBorder striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{intl.formatMessage({ id: 'commitment.reports.indicator' })}</Table.Th>
            <Table.Th scope="col">{intl.formatMessage({ id: 'commitment.reports.value' })}</Table.Th>
            <Table.Th scope="col">{intl.formatMessage({ id: 'commitment.reports.unit' })}</Table.Th>
            <Table.Th scope="col">{intl.formatMessage({ id: 'commitment.reports.asOf' })}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.indicators.map((indicator, index) => (
            <Table.Tr key={index}>
              <Table.Th scope="row" fw={400}>
                {indicator.name}
              </Table.Th>
              <Table.Td>{value(indicator.value)}</Table.Td>
              <Table.Td>{indicator.unit ?? ''}</Table.Td>
              <Table.Td>{indicator.asOf ? day(indicator.asOf) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
