import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { fieldErrorsOf, focusFirstError, focusWhenShown, useMessage } from './form-errors';
import { useRequestExtension, type Commitment } from './queries';
import { RefusalAlert } from './refusal-alert';
import { useDates } from './wording';

const ID = 'extension';
const FAILURE_ID = `${ID}-failure`;

/** Ask for a later due date, with a reason; a coordinator decides. */
export function ExtensionForm({
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
  const { day } = useDates();
  const extension = useRequestExtension(commitment.code);
  const [failure, setFailure] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
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

  const submit = form.onSubmit(
    (values) => {
      setFailure(null);
      extension.mutate(
        { dueDate: values.dueDate, reason: values.reason.trim() },
        {
          onSuccess: () =>
            onDone(intl.formatMessage({ id: 'commitment.extension.done' }, { dueDate: day(values.dueDate), code: commitment.code })),
          onError: (error) => {
            const fields = fieldErrorsOf(error, (field) =>
              field === 'dueDate'
                ? { field, message: laterMessage() }
                : field === 'reason'
                  ? { field, message: message('commitment.extension.error.reason') }
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
        },
      );
    },
    () => focusFirstError(formRef.current),
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
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
        {failure !== null && <RefusalAlert error={failure} code={commitment.code} id={FAILURE_ID} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {intl.formatMessage({ id: 'commitment.form.cancel' })}
          </Button>
          <Button type="submit" loading={extension.isPending}>
            {intl.formatMessage({ id: 'commitment.extension.submit' })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
