import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ProblemError } from '../../api/client';
import { PageTitle } from '../../ui/page-title';
import { ProblemAlert } from '../../ui/problem-alert';
import { Section } from '../../ui/section';
import { ActionsSection } from './actions-section';
import { DetailsSection, StatusSummary } from './details-section';
import { HistorySection } from './history-section';
import { ProgressReportsSection } from './progress-reports-section';
import { commitmentQuery, endOfDay } from './queries';
import { useDates } from './wording';

const RESULT_ID = 'commitment-result';
const route = getRouteApi('/signed-in/commitments/$code');

/**
 * One commitment: what it says and whose it is, its status and due date, what the signed-in user may do to it now
 * (only that), its progress reports and its history; or, with `?asOf=`, all of it as it stood on a past day, read only.
 */
export function CommitmentPage() {
  const intl = useIntl();
  const { code } = route.useParams();
  const { act, asOf } = route.useSearch();
  const until = asOf ? endOfDay(asOf) : undefined;
  const commitment = useQuery(commitmentQuery(code, until));
  const [result, setResult] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  // the outcome of a form, read out by the live region and given the focus, so the reader knows it was received
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  if (commitment.isPending) {
    return (
      <Text role="status" py="xl">
        {intl.formatMessage({ id: 'app.loading' })}
      </Text>
    );
  }
  if (commitment.isError) return <Unavailable code={code} asOf={asOf} error={commitment.error} />;

  const c = commitment.data;
  return (
    <Stack gap="lg">
      {asOf && <PastStateBanner code={code} asOf={asOf} />}
      <PageTitle>{intl.formatMessage({ id: 'commitment.pageTitle' }, { code: c.code, title: c.title })}</PageTitle>
      <StatusSummary commitment={c} />
      {/* always in the page, so that what is put in it is announced */}
      <div role="status" aria-live="polite">
        {result && (
          <Alert ref={resultRef} id={RESULT_ID} tabIndex={-1} variant="light" color="green">
            {result}
          </Alert>
        )}
      </div>
      {!asOf && (
        <ActionsSection
          commitment={c}
          act={act}
          onDone={(message) => {
            // a second success with the same words is announced again
            setResult(null);
            requestAnimationFrame(() => setResult(message));
          }}
        />
      )}
      <DetailsSection commitment={c} />
      <ProgressReportsSection code={c.code} until={until} />
      <HistorySection code={c.code} until={until} />
      <AsOfPicker code={code} asOf={asOf} />
    </Stack>
  );
}

/** The page's answer when the commitment cannot be shown: unknown, not yet registered on that day, or a failure. */
function Unavailable({ code, asOf, error }: { code: string; asOf?: string; error: unknown }) {
  const intl = useIntl();
  const { day } = useDates();
  const problem = error instanceof ProblemError ? error.problem.code : '';
  if (problem === 'COMMITMENT_NOT_YET_REGISTERED' && asOf) {
    return (
      <Stack gap="lg">
        <PastStateBanner code={code} asOf={asOf} />
        <PageTitle>{code}</PageTitle>
        <Alert variant="light" color="unBlue" role="alert">
          {intl.formatMessage({ id: 'commitment.asOf.notYet' }, { code, date: day(asOf) })}
        </Alert>
        <AsOfPicker code={code} asOf={asOf} />
      </Stack>
    );
  }
  if (problem === 'COMMITMENT_NOT_FOUND') {
    return (
      <Stack gap="md">
        <PageTitle>{intl.formatMessage({ id: 'commitment.notFound.title' })}</PageTitle>
        <Text>{intl.formatMessage({ id: 'commitment.notFound.body' }, { code })}</Text>
        <Anchor component={Link} to="/">
          {intl.formatMessage({ id: 'app.notFound.home' })}
        </Anchor>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <PageTitle>{code}</PageTitle>
      <ProblemAlert error={error} />
      {asOf && <AsOfPicker code={code} asOf={asOf} />}
    </Stack>
  );
}

/** Says, first and plainly, that this is a past state that cannot be changed, and leads back to today. */
function PastStateBanner({ code, asOf }: { code: string; asOf: string }) {
  const intl = useIntl();
  const { day } = useDates();
  return (
    <Alert variant="light" color="orange" title={intl.formatMessage({ id: 'commitment.asOf.bannerTitle' }, { date: day(asOf) })}>
      <Stack gap="xs">
        <Text size="sm">{intl.formatMessage({ id: 'commitment.asOf.banner' })}</Text>
        <Anchor component={Link} to={`/commitments/${code}`} size="sm" fw={600}>
          {intl.formatMessage({ id: 'commitment.asOf.backToNow' })}
        </Anchor>
      </Stack>
    </Alert>
  );
}

/** Pick a day to see the commitment as it stood at its end (the address keeps it: `?asOf=2015-03-03`). */
function AsOfPicker({ code, asOf }: { code: string; asOf?: string }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const [day, setDay] = useState(asOf ?? '');
  const [error, setError] = useState<string | null>(null);
  const today = new Date().toLocaleDateString('sv'); // YYYY-MM-DD on the reader's calendar
  return (
    <Section title={intl.formatMessage({ id: 'commitment.asOf.title' })}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day < '1900-01-01' || day > today) {
            setError(intl.formatMessage({ id: 'commitment.asOf.error' }));
            requestAnimationFrame(() => document.getElementById('as-of-day')?.focus());
            return;
          }
          setError(null);
          void navigate({ to: '/commitments/$code', params: { code }, search: { asOf: day } });
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            id="as-of-day"
            type="date"
            label={intl.formatMessage({ id: 'commitment.asOf.day' })}
            description={intl.formatMessage({ id: 'commitment.asOf.help' })}
            min="1900-01-01"
            max={today}
            value={day}
            error={error}
            onChange={(event) => setDay(event.currentTarget.value)}
          />
          <Button type="submit" variant="default">
            {intl.formatMessage({ id: 'commitment.asOf.show' })}
          </Button>
        </Group>
      </form>
    </Section>
  );
}
