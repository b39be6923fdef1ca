import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useMe } from '../../session/session';
import { formatCalendarDate } from '../../ui/calendar-date';
import { PageTitle } from '../../ui/page-title';
import { ProblemAlert } from '../../ui/problem-alert';
import { Section } from '../../ui/section';
import { CompileForm } from './compile-form';
import { summaryVersionsQuery, type SummaryStatus, type SummaryVersion } from './queries';
import { VersionItem } from './version-item';
import classes from './annual-summaries.module.css';

const route = getRouteApi('/signed-in/annual-summaries/$year');

/**
 * One year's annual progress summary: every version, newest first, with its state, what it describes and its
 * files; coordinators compile a new one here and the page follows it until it is done or failed.
 */
export function SummaryYearPage() {
  const intl = useIntl();
  const me = useMe();
  const year = Number(route.useParams().year);
  const versions = useQuery(summaryVersionsQuery(year));
  const announcement = useStateChanges(year, versions.data);
  const [joined, setJoined] = useState<string | null>(null);
  // SUMMARY_POLICY (libs/annual-summaries) lets coordinators and admins ask for a compilation; the API still decides
  const mayCompile = me?.role === 'coordinator' || me?.role === 'admin';

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{intl.formatMessage({ id: 'summaries.year.title' }, { year })}</PageTitle>
        <Text mt="-sm">
          {intl.formatMessage({ id: 'summaries.year.intro' }, { year, cutOff: formatCalendarDate(intl, `${year}-12-31`) })}
        </Text>
        <Anchor component={Link} to="/annual-summaries" mt="xs" display="inline-block">
          {intl.formatMessage({ id: 'summaries.year.allYears' })}
        </Anchor>
        {/* always in the page, so that what is put in it is announced: the followed compilation's every change */}
        <div role="status" className={classes.status}>
          {(joined ?? announcement) && (
            <Alert variant="light" color="unBlue" mt="md">
              {joined && <Text>{joined}</Text>}
              {announcement && <Text>{announcement}</Text>}
            </Alert>
          )}
        </div>
      </div>
      {versions.isError ? (
        <ProblemAlert error={versions.error} />
      ) : (
        <>
          {mayCompile && (
            <CompileForm
              year={year}
              onRequested={(version) =>
                // a compilation of the year already under way (someone else's) is the answer to every request meanwhile
                setJoined(
                  version.requestedBy === me?.id
                    ? null
                    : intl.formatMessage({ id: 'summaries.compile.joined' }, { year, version: version.version }),
                )
              }
            />
          )}
          <Section title={intl.formatMessage({ id: 'summaries.versions.title' })}>
            {versions.isPending ? (
              <Text>{intl.formatMessage({ id: 'app.loading' })}</Text>
            ) : versions.data.length === 0 ? (
              <Text>{intl.formatMessage({ id: 'summaries.versions.none' }, { year })}</Text>
            ) : (
              <Stack
                component="ul"
                gap="sm"
                className={classes.plainList}
                aria-label={intl.formatMessage({ id: 'summaries.versions.list' }, { year })}
              >
                {versions.data.map((version) => (
                  <VersionItem key={version.version} version={version} me={me} />
                ))}
              </Stack>
            )}
          </Section>
        </>
      )}
    </Stack>
  );
}

/**
 * What changed since the versions were last seen (a new version, a state moved on), in words for the live region.
 * Nothing on the first answer: the page says what it shows; only changes while it is open are announced.
 */
function useStateChanges(year: number, versions: SummaryVersion[] | undefined): string | null {
  const intl = useIntl();
  const seen = useRef<{ year: number; statuses: Map<number, SummaryStatus> } | null>(null);
  const [announcement, setAnnouncement] = useState<{ year: number; text: string } | null>(null);
  useEffect(() => {
    if (!versions) return;
    const previous = seen.current;
    seen.current = { year, statuses: new Map(versions.map((v) => [v.version, v.status])) };
    // another year's page starts afresh
    if (!previous || previous.year !== year) return;
    const changed = versions.filter((v) => previous.statuses.get(v.version) !== v.status);
    if (changed.length === 0) return;
    setAnnouncement({
      year,
      text: changed.map((v) => intl.formatMessage({ id: 'summaries.announce' }, { year, version: v.version, status: v.status })).join(' '),
    });
  }, [versions, year, intl]);
  return announcement?.year === year ? announcement.text : null;
}
