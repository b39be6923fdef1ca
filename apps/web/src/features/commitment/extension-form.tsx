import { Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useIntl } from 'react-intl';
import { CommitmentActionForm, type CommitmentActionProps } from './commitment-action-form';
import { useMessage } from './form-errors';
import { useRequestExtension } from './queries';
import { useDates } from './wording';

const ID = 'extension';

/** Ask for a later due date, with a reason; a coordinator decides. */
export function ExtensionForm({ commitment, onDone, onCancel }: CommitmentActionProps) {
  const intl = useIntl();
  const message = useMessage();
  const { day } = useDates();
  const extension = useRequestExtension(commitment.code);
  const current = commitment.dueDate ? day(commitment.dueDate) : '';
  const laterMessage = () => message('commitment.extension.error.dueDate', { dueDate: current });
  const form = useForm({
    mode: 'controlled',
    initialValues: { dueDate: '', reason: '' },
    validate: {
      // whether the date is late enough is the API's rule: it answers next to this field
      dueDate: (value) => (value ? null : laterMessage()),
      reason: (value) => (value.trim() ? null : message('commitment.extension.error.reason')),
    },
  });

  return (
    <CommitmentActionForm
      id={ID}
      commitment={commitment}
      form={form}
      mutation={extension}
      request={(values) => ({ dueDate: values.dueDate, reason: values.reason.trim() })}
      apiField={(field) =>
        field === 'dueDate'
          ? { field, message: laterMessage() }
          : field === 'reason'
            ? { field, message: message('commitment.extension.error.reason') }
            : null
      }
      done={(values) => intl.formatMessage({ id: 'commitment.extension.done' }, { dueDate: day(values.dueDate), code: commitment.code })}
      submitLabel={intl.formatMessage({ id: 'commitment.extension.submit' })}
      onDone={onDone}
      onCancel={onCancel}
    >
      <Text>{intl.formatMessage({ id: 'commitment.extension.current' }, { dueDate: current })}</Text>
      <TextInput
        id={`${ID}-due-date`}
        type="date"
        label={intl.formatMessage({ id: 'commitment.extension.dueDate' })}
        required
        min="1900-01-01"
        max="2100-12-31"
        data-autofocus
        {...form.getInputProps('dueDate')}
      />
      <Textarea
        id={`${ID}-reason`}
        label={intl.formatMessage({ id: 'commitment.extension.reason' })}
        description={intl.formatMessage({ id: 'commitment.extension.reasonHelp' })}
        required
        autosize
        minRows={3}
        maxLength={5000}
        {...form.getInputProps('reason')}
      />
    </CommitmentActionForm>
  );
}
