import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { fieldErrorsOf, focusFirstError, focusWhenShown, useMessage } from './form-errors';
import { useReportProgress, type Commitment, type ReportProgressBody } from './queries';
import { RefusalAlert } from './refusal-alert';
import { reportingYears, useReportStart } from './report-progress-form';

const ID = 'no-change';
const FAILURE_ID = `${ID}-failure`;

/** "Nothing changed since the last report": the period, and one confirmation. */
export function NoChangeForm({
  commitment,
  onDone,
  onCancel,
}: {
  commitment: Commitment;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const message = useMessage();
  const { forAgency, period } = useReportStart(commitment);
  const report = useReportProgress(commitment.code);
  const [failure, setFailure] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { agency: commitment.leadAgency, period },
  });

  const submit = form.onSubmit((values) => {
    setFailure(null);
    // no text: the API records its own words for a confirmation
    const body = {
      period: Number(values.period),
      kind: 'no_change',
      ...(forAgency ? { agency: values.agency } : {}),
    } as ReportProgressBody;
    report.mutate(body, {
      onSuccess: () => onDone(intl.formatMessage({ id: 'commitment.noChange.done' }, { period: values.period, code: commitment.code })),
      onError: (error) => {
        const fields = fieldErrorsOf(error, (field) =>
          field === 'period'
            ? { field, message: message('commitment.report.error.period') }
            : field === 'agency'
              ? { field, message: message('commitment.report.error.agency') }
              : null,
        );
        if (fields) {
          form.setErrors(fields);
          focusFirstError(formRef.current);
        } else {
          setFailure(error);
          focusWhenShown(FAILURE_ID);
        }
      },
    });
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{intl.formatMessage({ id: 'commitment.noChange.explain' }, { code: commitment.code })}</Text>
        {forAgency && (
          <NativeSelect
            id={`${ID}-agency`}
            label={intl.formatMessage({ id: 'commitment.report.agency' })}
            data={forAgency}
            {...form.getInputProps('agency')}
          />
        )}
        <NativeSelect
          id={`${ID}-period`}
          label={intl.formatMessage({ id: 'commitment.report.period' })}
          data={reportingYears(new Date()).map(String)}
          data-autofocus
          {...form.getInputProps('period')}
        />
        {failure !== null && <RefusalAlert error={failure} code={commitment.code} id={FAILURE_ID} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {intl.formatMessage({ id: 'commitment.form.cancel' })}
          </Button>
          <Button type="submit" loading={report.isPending}>
            {intl.formatMessage({ id: 'commitment.noChange.submit' })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
