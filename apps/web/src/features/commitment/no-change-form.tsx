import { NativeSelect, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useIntl } from 'react-intl';
import { CommitmentActionForm, type CommitmentActionProps } from './commitment-action-form';
import { useMessage } from './form-errors';
import { useReportProgress, type ReportProgressBody } from './queries';
import { reportingYears, useReportStart } from './report-progress-form';

const ID = 'no-change';

/** "Nothing changed since the last report": the period, and one confirmation. */
export function NoChangeForm({ commitment, onDone, onCancel }: CommitmentActionProps) {
  const intl = useIntl();
  const message = useMessage();
  const { forAgency, period } = useReportStart(commitment);
  const report = useReportProgress(commitment.code);
  const form = useForm({
    mode: 'controlled',
    initialValues: { agency: commitment.leadAgency, period },
  });

  return (
    <CommitmentActionForm
      id={ID}
      commitment={commitment}
      form={form}
      mutation={report}
      // no text: the API records its own words for a confirmation
      request={(values) =>
        ({
          period: Number(values.period),
          kind: 'no_change',
          ...(forAgency ? { agency: values.agency } : {}),
        }) as ReportProgressBody
      }
      apiField={(field) =>
        field === 'period'
          ? { field, message: message('commitment.report.error.period') }
          : field === 'agency'
            ? { field, message: message('commitment.report.error.agency') }
            : null
      }
      done={(values) => intl.formatMessage({ id: 'commitment.noChange.done' }, { period: values.period, code: commitment.code })}
      submitLabel={intl.formatMessage({ id: 'commitment.noChange.submit' })}
      onDone={onDone}
      onCancel={onCancel}
    >
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
    </CommitmentActionForm>
  );
}
