import { Anchor, Badge, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import type { User } from '../../api/client';
import { formatCalendarDate } from '../../ui/calendar-date';
import type { SummaryFormat, SummaryStatus, SummaryVersion } from './queries';
import classes from './annual-summaries.module.css';

/** The files offered for download, in the order people most often want them. */
const FORMATS: readonly SummaryFormat[] = ['docx', 'xlsx', 'csv', 'html', 'md', 'json'];

const BADGE: Record<SummaryStatus, string> = { queued: 'gray', running: 'unBlue', done: 'green', failed: 'red' };

/** One version of a year's summary: its state, when and by whom it was asked for, what it describes, its files. */
export function VersionItem({ version, me }: { version: SummaryVersion; me: User | null }) {
  const intl = useIntl();
  const titleId = useId();
  const instant = (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeStyle: 'short' });
  const who =
    version.requestedBy === me?.id
      ? 'you'
      : version.trigger === 'scheduled' || version.requestedBy.startsWith('system:')
        ? 'schedule'
        : 'other';
  const downloads = FORMATS.filter((format) => version.links.downloads[format]);
  return (
    <Paper component="li" withBorder p={{ base: 'sm', sm: 'md' }} radius="sm" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group gap="sm" align="center">
          <Title order={3} size="h4" id={titleId}>
            {intl.formatMessage({ id: 'summaries.version.title' }, { version: version.version })}
          </Title>
          <Badge variant="light" color={BADGE[version.status]} radius="sm" tt="none">
            {intl.formatMessage({ id: 'summaries.status' }, { status: version.status })}
          </Badge>
        </Group>
        <dl className={classes.facts}>
          <dt>{intl.formatMessage({ id: 'summaries.version.state' })}</dt>
          <dd>
            {intl.formatMessage(
              { id: 'summaries.version.stateValue' },
              {
                status: version.status,
                progress: intl.formatNumber(version.progress / 100, { style: 'percent' }),
                attempts: version.attempts,
              },
            )}
            {version.status === 'failed' && version.error && (
              <Text component="span" display="block" size="sm">
                {intl.formatMessage({ id: 'summaries.version.error' })} {/* the worker's own words, in English */}
                <span lang="en">{version.error}</span>
              </Text>
            )}
          </dd>
          <dt>{intl.formatMessage({ id: 'summaries.version.requested' })}</dt>
          <dd>{intl.formatMessage({ id: 'summaries.version.requestedValue' }, { date: instant(version.requestedAt), who })}</dd>
          <dt>{intl.formatMessage({ id: 'summaries.version.compiled' })}</dt>
          <dd>
            {version.status === 'done' && version.finishedAt
              ? instant(version.finishedAt)
              : intl.formatMessage({ id: 'summaries.version.notCompiled' }, { status: version.status })}
          </dd>
          <dt>{intl.formatMessage({ id: 'summaries.version.asAt' })}</dt>
          <dd>{intl.formatMessage({ id: 'summaries.version.asAtValue' }, { date: formatCalendarDate(intl, `${version.year}-12-31`) })}</dd>
          <dt>{intl.formatMessage({ id: 'summaries.version.knownAt' })}</dt>
          <dd>
            {version.knownAt
              ? instant(version.knownAt)
              : version.compiledAsOf
                ? intl.formatMessage({ id: 'summaries.version.knownAtCompiled' }, { date: instant(version.compiledAsOf) })
                : intl.formatMessage({ id: 'summaries.version.knownAtPending' })}
          </dd>
        </dl>
        {/* what a drafter needs only to trace the summary back to the event log: folded away */}
        {(version.eventPosition !== null || version.generator || version.checksum) && (
          <details className={classes.tracing}>
            <summary>{intl.formatMessage({ id: 'summaries.version.tracing' })}</summary>
            <dl className={classes.facts}>
              {version.eventPosition !== null && (
                <>
                  <dt>{intl.formatMessage({ id: 'summaries.version.eventPosition' })}</dt>
                  <dd>{intl.formatNumber(version.eventPosition)}</dd>
                </>
              )}
              {version.generator && (
                <>
                  <dt>{intl.formatMessage({ id: 'summaries.version.generator' })}</dt>
                  <dd>
                    <Code>{version.generator}</Code>
                  </dd>
                </>
              )}
              {version.checksum && (
                <>
                  <dt>{intl.formatMessage({ id: 'summaries.version.checksum' })}</dt>
                  <dd>
                    <Code style={{ wordBreak: 'break-all' }}>{version.checksum}</Code>
                  </dd>
                </>
              )}
            </dl>
          </details>
        )}
        {downloads.length > 0 && (
          <div>
            <Text fw={600} id={`${titleId}-files`} mb={4}>
              {intl.formatMessage({ id: 'summaries.version.downloads' }, { version: version.version })}
            </Text>
            <ul className={classes.downloads} aria-labelledby={`${titleId}-files`}>
              {downloads.map((format) => (
                <li key={format}>
                  {/* a plain link: the browser downloads it with the session cookie, as any GET */}
                  <Anchor href={version.links.downloads[format]} download>
                    {intl.formatMessage({ id: `summaries.format.${format}` })}
                  </Anchor>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
