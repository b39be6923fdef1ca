import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../../i18n/catalogue';
import { useMe } from '../../session/session';
import { CommitmentActionForm, type CommitmentActionProps } from './commitment-action-form';
import { focusWhenShown, isEvidenceUrl, useMessage } from './form-errors';
import { defaultPeriod, FIRST_PERIOD, reportingCyclesQuery, useReportProgress, type Commitment, type ReportProgressBody } from './queries';

interface IndicatorRow {
  row: string;
  name: string;
  value: string;
  unit: string;
  asOf: string;
}

interface Values {
  agency: string;
  period: string;
  summary: string;
  evidence: Array<{ row: string; url: string }>;
  indicators: IndicatorRow[];
}

const ID = 'report-progress';
const rowId = () => Math.random().toString(36).slice(2);
const fieldId = (path: string) => `${ID}-${path.replace(/\./g, '-')}`;
const INDICATOR_ERRORS: Record<string, MessageId> = {
  name: 'commitment.report.error.indicatorName',
  value: 'commitment.report.error.indicatorValue',
  unit: 'commitment.report.error.indicatorUnit',
  asOf: 'commitment.report.error.indicatorAsOf',
};
/** A number typed the way the reader writes it ("12", "12.5", "12,5"), else the text as it is ("on track"). */
const NUMBER = /^-?\d+([.,]\d+)?$/;

/** The years a report can be for: from the HLD's to next year, the latest first. */
export function reportingYears(now: Date): number[] {
  const last = now.getFullYear() + 1;
  return Array.from({ length: last - FIRST_PERIOD + 1 }, (_, i) => last - i);
}

/**
 * What a report on this commitment starts from: the agencies it may be for (null for a focal point, who reports
 * for its own agency; anyone else names one of the owners) and the period most likely meant.
 */
export function useReportStart(commitment: Commitment): { forAgency: string[] | null; period: string } {
  const me = useMe();
  const cycles = useQuery(reportingCyclesQuery);
  return {
    forAgency: me?.role === 'focal_point' ? null : [commitment.leadAgency, ...commitment.supportingAgencies],
    period: String(defaultPeriod(cycles.data ?? [], new Date())),
  };
}

/** Report progress: period, what was done, links to evidence, indicators (rows the user adds and removes). */
export function ReportProgressForm({ commitment, onDone, onCancel }: CommitmentActionProps) {
  const intl = useIntl();
  const message = useMessage();
  const { forAgency, period } = useReportStart(commitment);
  const report = useReportProgress(commitment.code);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      agency: commitment.leadAgency,
      period,
      summary: '',
      evidence: [{ row: rowId(), url: '' }],
      indicators: [],
    },
    validate: {
      summary: (value) => (value.trim() ? null : message('commitment.report.error.summary')),
      evidence: { url: (value) => (value.trim() && !isEvidenceUrl(value.trim()) ? message('commitment.report.error.link') : null) },
      indicators: {
        name: (value) => (value.trim() ? null : message('commitment.report.error.indicatorName')),
        value: (value) => (value.trim() ? null : message('commitment.report.error.indicatorValue')),
      },
    },
  });

  /** The API's field names, mapped to this form's (rows the user left empty are not sent, so indexes are mapped too). */
  const sentEvidence = useRef<number[]>([]);
  const apiField = (field: string): { field: string; message: string } | null => {
    const indicator = /^indicators\.(\d+)\.(name|value|unit|asOf)$/.exec(field);
    if (indicator) return { field: `indicators.${indicator[1]}.${indicator[2]}`, message: message(INDICATOR_ERRORS[indicator[2]]) };
    if (field === 'evidenceUrls') {
      const first = sentEvidence.current[0] ?? 0;
      return { field: `evidence.${first}.url`, message: message('commitment.report.error.link') };
    }
    if (field === 'period') return { field: 'period', message: message('commitment.report.error.period') };
    if (field === 'summary') return { field: 'summary', message: message('commitment.report.error.summary') };
    if (field === 'agency') return { field: 'agency', message: message('commitment.report.error.agency') };
    return null;
  };

  const request = (values: Values): ReportProgressBody => {
    const evidence = values.evidence.map((e, i) => ({ url: e.url.trim(), i })).filter((e) => e.url);
    sentEvidence.current = evidence.map((e) => e.i);
    return {
      period: Number(values.period),
      kind: 'report',
      summary: values.summary.trim(),
      ...(forAgency ? { agency: values.agency } : {}),
      evidenceUrls: evidence.map((e) => e.url),
      indicators: values.indicators.map((row) => ({
        name: row.name.trim(),
        value: NUMBER.test(row.value.trim()) ? Number(row.value.trim().replace(',', '.')) : row.value.trim(),
        ...(row.unit.trim() ? { unit: row.unit.trim() } : {}),
        ...(row.asOf ? { asOf: row.asOf } : {}),
      })),
    };
  };

  const addLink = () => {
    form.insertListItem('evidence', { row: rowId(), url: '' });
    focusWhenShown(fieldId(`evidence.${form.values.evidence.length}.url`));
  };
  const addIndicator = () => {
    form.insertListItem('indicators', { row: rowId(), name: '', value: '', unit: '', asOf: '' });
    focusWhenShown(fieldId(`indicators.${form.values.indicators.length}.name`));
  };

  return (
    <CommitmentActionForm
      id={ID}
      commitment={commitment}
      form={form}
      mutation={report}
      request={request}
      apiField={apiField}
      done={(values) => intl.formatMessage({ id: 'commitment.report.done' }, { period: values.period, code: commitment.code })}
      submitLabel={intl.formatMessage({ id: 'commitment.report.submit' })}
      onDone={onDone}
      onCancel={onCancel}
    >
      {forAgency && (
        <NativeSelect
          id={fieldId('agency')}
          label={intl.formatMessage({ id: 'commitment.report.agency' })}
          data={forAgency}
          {...form.getInputProps('agency')}
        />
      )}
      <NativeSelect
        id={fieldId('period')}
        label={intl.formatMessage({ id: 'commitment.report.period' })}
        description={intl.formatMessage({ id: 'commitment.report.periodHelp' })}
        data={reportingYears(new Date()).map(String)}
        data-autofocus
        {...form.getInputProps('period')}
      />
      <Textarea
        id={fieldId('summary')}
        label={intl.formatMessage({ id: 'commitment.report.summary' })}
        description={intl.formatMessage({ id: 'commitment.report.summaryHelp' })}
        required
        autosize
        minRows={4}
        maxRows={14}
        maxLength={20000}
        {...form.getInputProps('summary')}
      />

      <Fieldset legend={intl.formatMessage({ id: 'commitment.report.links' })} variant="unstyled">
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {intl.formatMessage({ id: 'commitment.report.linksHelp' })}
          </Text>
          {form.values.evidence.map((link, index) => (
            <Group key={link.row} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                id={fieldId(`evidence.${index}.url`)}
                type="url"
                inputMode="url"
                autoComplete="url"
                label={intl.formatMessage({ id: 'commitment.report.link' }, { number: index + 1 })}
                style={{ flex: 1, minWidth: 0 }}
                {...form.getInputProps(`evidence.${index}.url`)}
              />
              <Button
                variant="default"
                onClick={() => {
                  form.removeListItem('evidence', index);
                  focusWhenShown(`${ID}-add-link`);
                }}
                aria-label={intl.formatMessage({ id: 'commitment.report.removeLinkNamed' }, { number: index + 1 })}
              >
                {intl.formatMessage({ id: 'commitment.report.remove' })}
              </Button>
            </Group>
          ))}
          <Group>
            <Button id={`${ID}-add-link`} variant="light" onClick={addLink}>
              {intl.formatMessage({ id: 'commitment.report.addLink' })}
            </Button>
          </Group>
        </Stack>
      </Fieldset>

      <Fieldset legend={intl.formatMessage({ id: 'commitment.report.indicators' })} variant="unstyled">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {intl.formatMessage({ id: 'commitment.report.indicatorsHelp' })}
          </Text>
          {form.values.indicators.map((row, index) => (
            <Fieldset key={row.row} legend={intl.formatMessage({ id: 'commitment.report.indicator' }, { number: index + 1 })}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  id={fieldId(`indicators.${index}.name`)}
                  label={intl.formatMessage({ id: 'commitment.report.indicatorName' })}
                  required
                  maxLength={200}
                  {...form.getInputProps(`indicators.${index}.name`)}
                />
                <TextInput
                  id={fieldId(`indicators.${index}.value`)}
                  label={intl.formatMessage({ id: 'commitment.report.indicatorValue' })}
                  description={intl.formatMessage({ id: 'commitment.report.indicatorValueHelp' })}
                  required
                  maxLength={200}
                  {...form.getInputProps(`indicators.${index}.value`)}
                />
                <TextInput
                  id={fieldId(`indicators.${index}.unit`)}
                  label={intl.formatMessage({ id: 'commitment.report.indicatorUnit' })}
                  maxLength={50}
                  {...form.getInputProps(`indicators.${index}.unit`)}
                />
                <TextInput
                  id={fieldId(`indicators.${index}.asOf`)}
                  type="date"
                  label={intl.formatMessage({ id: 'commitment.report.indicatorAsOf' })}
                  min="1900-01-01"
                  max="2100-12-31"
                  {...form.getInputProps(`indicators.${index}.asOf`)}
                />
              </SimpleGrid>
              <Group mt="sm">
                <Button
                  variant="default"
                  onClick={() => {
                    form.removeListItem('indicators', index);
                    focusWhenShown(`${ID}-add-indicator`);
                  }}
                >
                  {intl.formatMessage({ id: 'commitment.report.removeIndicator' }, { number: index + 1 })}
                </Button>
              </Group>
            </Fieldset>
          ))}
          <Group>
            <Button id={`${ID}-add-indicator`} variant="light" onClick={addIndicator}>
              {intl.formatMessage({ id: 'commitment.report.addIndicator' })}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </CommitmentActionForm>
  );
}
