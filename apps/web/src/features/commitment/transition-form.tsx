import { Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useIntl } from 'react-intl';
import { CommitmentActionForm, type CommitmentActionProps } from './commitment-action-form';
import { useMessage } from './form-errors';
import { useTransition, type AllowedAction, type DiscontinuationCategory, type TransitionBody } from './queries';
import { useStatusName } from './wording';

const ID = 'move';
const CATEGORIES: DiscontinuationCategory[] = ['overtaken_by_events', 'superseded', 'not_feasible', 'other'];

interface Values {
  reason: string;
  category: DiscontinuationCategory | '';
  supersededBy: string;
}

/**
 * A lifecycle move (accept, start, submit for review, return, discontinue, reopen…), with a reason where the API
 * needs one. It is made on the version the user saw when opening it (If-Match): if someone changed the commitment
 * since, the API answers 409 and the form says who changed what, and offers to reload and make the move again,
 * keeping what the user typed.
 */
export function TransitionForm({
  commitment,
  move,
  onDone,
  onCancel,
}: CommitmentActionProps & { move: AllowedAction & { to: NonNullable<AllowedAction['to']> } }) {
  const intl = useIntl();
  const message = useMessage();
  const statusName = useStatusName();
  const transition = useTransition(commitment.code);
  const discontinuing = move.action === 'discontinue';

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { reason: '', category: '', supersededBy: '' },
    validate: {
      reason: (value) => (move.reasonRequired && !value.trim() ? message('commitment.move.error.reason') : null),
      category: (value) => (discontinuing && !value ? message('commitment.move.error.category') : null),
      supersededBy: (value, values) =>
        discontinuing && values.category === 'superseded' && !value.trim() ? message('commitment.move.error.supersededBy') : null,
    },
  });

  const bodyOf = (values: Values): TransitionBody => ({
    to: move.to,
    ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
    ...(discontinuing && values.category ? { category: values.category } : {}),
    ...(discontinuing && values.category === 'superseded' ? { supersededBy: values.supersededBy.trim() } : {}),
  });

  return (
    <CommitmentActionForm
      id={ID}
      commitment={commitment}
      form={form}
      mutation={transition}
      request={(values, version) => ({ version, body: bodyOf(values) })}
      apiField={(field) =>
        field === 'reason'
          ? { field, message: message('commitment.move.error.reason') }
          : field === 'category'
            ? { field, message: message('commitment.move.error.category') }
            : field === 'supersededBy'
              ? { field, message: message('commitment.move.error.supersededBy') }
              : null
      }
      done={(_, after) => intl.formatMessage({ id: 'commitment.move.done' }, { code: commitment.code, status: statusName(after.status) })}
      stillOffered={(fresh) => fresh.allowedActions.some((a) => a.action === move.action && a.to === move.to)}
      submitLabel={intl.formatMessage({ id: 'commitment.move.button' }, { action: move.action })}
      onDone={onDone}
      onCancel={onCancel}
    >
      <Text>
        {intl.formatMessage(
          { id: 'commitment.move.explain' },
          { code: commitment.code, from: statusName(commitment.status), to: statusName(move.to) },
        )}
      </Text>
      {discontinuing && (
        <Radio.Group
          id={`${ID}-category`}
          label={intl.formatMessage({ id: 'commitment.move.category' })}
          required
          {...form.getInputProps('category')}
        >
          <Stack gap="xs" mt="xs">
            {CATEGORIES.map((category) => (
              <Radio
                key={category}
                value={category}
                label={intl.formatMessage({ id: 'commitment.move.categoryName' }, { category })}
                aria-invalid={form.errors.category ? true : undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {discontinuing && form.values.category === 'superseded' && (
        <TextInput
          id={`${ID}-superseded-by`}
          label={intl.formatMessage({ id: 'commitment.move.supersededBy' })}
          description={intl.formatMessage({ id: 'commitment.move.supersededByHelp' })}
          required
          maxLength={300}
          {...form.getInputProps('supersededBy')}
        />
      )}
      <Textarea
        id={`${ID}-reason`}
        label={intl.formatMessage({ id: move.reasonRequired ? 'commitment.move.reason' : 'commitment.move.reasonOptional' })}
        description={intl.formatMessage({ id: 'commitment.move.reasonHelp' })}
        required={move.reasonRequired}
        autosize
        minRows={3}
        maxLength={5000}
        data-autofocus
        {...form.getInputProps('reason')}
      />
    </CommitmentActionForm>
  );
}
