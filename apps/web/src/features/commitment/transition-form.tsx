import { Alert, Button, Group, List, Loader, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ProblemError } from '../../api/client';
import { fieldErrorsOf, focusFirstError, focusWhenShown, useMessage } from './form-errors';
import {
  commitmentQuery,
  historyQuery,
  useTransition,
  type AllowedAction,
  type Commitment,
  type DiscontinuationCategory,
  type TransitionBody,
} from './queries';
import { RefusalAlert } from './refusal-alert';
import { useHistorySentence, useStatusName } from './wording';

const ID = 'move';
const FAILURE_ID = `${ID}-failure`;
const CONFLICT_ID = `${ID}-conflict`;
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
}: {
  commitment: Commitment;
  move: AllowedAction & { to: NonNullable<AllowedAction['to']> };
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const message = useMessage();
  const statusName = useStatusName();
  const queryClient = useQueryClient();
  const transition = useTransition(commitment.code);
  // the version the user decided on, kept whatever the page reloads meanwhile
  const [version, setVersion] = useState(commitment.version);
  const [conflict, setConflict] = useState(false);
  const [noLonger, setNoLonger] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
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

  const send = (values: Values, at: number) => {
    setFailure(null);
    transition.mutate(
      { version: at, body: bodyOf(values) },
      {
        onSuccess: (after) =>
          onDone(intl.formatMessage({ id: 'commitment.move.done' }, { code: commitment.code, status: statusName(after.status) })),
        onError: (error) => {
          if (error instanceof ProblemError && error.problem.code === 'VERSION_CONFLICT') {
            setConflict(true);
            focusWhenShown(CONFLICT_ID);
            return;
          }
          const fields = fieldErrorsOf(error, (field) =>
            field === 'reason'
              ? { field, message: message('commitment.move.error.reason') }
              : field === 'category'
                ? { field, message: message('commitment.move.error.category') }
                : field === 'supersededBy'
                  ? { field, message: message('commitment.move.error.supersededBy') }
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
  };

  /** Reads the commitment as it is now and, if the move is still open to the user, makes it on that version. */
  const reloadAndReapply = async () => {
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({ ...commitmentQuery(commitment.code), staleTime: 0 });
      setConflict(false);
      if (!fresh.allowedActions.some((a) => a.action === move.action && a.to === move.to)) {
        setNoLonger(statusName(fresh.status));
        focusWhenShown(FAILURE_ID);
        return;
      }
      setVersion(fresh.version);
      send(form.getValues(), fresh.version);
    } catch (error) {
      setConflict(false);
      setFailure(error);
      focusWhenShown(FAILURE_ID);
    } finally {
      setReloading(false);
    }
  };

  return (
    <form
      ref={formRef}
      onSubmit={form.onSubmit(
        (values) => send(values, version),
        () => focusFirstError(formRef.current),
      )}
      noValidate
    >
      <Stack gap="md">
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
        {conflict && (
          <ConflictNotice code={commitment.code} since={version} reloading={reloading} onReload={() => void reloadAndReapply()} />
        )}
        {noLonger !== null && (
          <Alert
            id={FAILURE_ID}
            tabIndex={-1}
            role="alert"
            color="red"
            variant="light"
            title={intl.formatMessage({ id: 'commitment.error.title' })}
          >
            {intl.formatMessage({ id: 'commitment.move.noLonger' }, { status: noLonger })}
          </Alert>
        )}
        {failure !== null && <RefusalAlert error={failure} code={commitment.code} id={FAILURE_ID} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {intl.formatMessage({ id: 'commitment.form.cancel' })}
          </Button>
          {!conflict && noLonger === null && (
            <Button type="submit" loading={transition.isPending}>
              {intl.formatMessage({ id: 'commitment.move.button' }, { action: move.action })}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** Who changed what since the version the user saw (the history after it), and the way on: reload and reapply. */
function ConflictNotice({ code, since, reloading, onReload }: { code: string; since: number; reloading: boolean; onReload: () => void }) {
  const intl = useIntl();
  const sentence = useHistorySentence();
  const history = useQuery(historyQuery(code));
  const changes = (history.data ?? []).filter((entry) => entry.version > since);
  return (
    <Alert
      id={CONFLICT_ID}
      tabIndex={-1}
      role="alert"
      color="orange"
      variant="light"
      title={intl.formatMessage({ id: 'commitment.conflict.title' })}
    >
      <Stack gap="sm">
        <Text size="sm">{intl.formatMessage({ id: 'commitment.conflict.intro' }, { count: changes.length })}</Text>
        {history.isPending ? (
          <Loader size="xs" aria-label={intl.formatMessage({ id: 'app.loading' })} />
        ) : (
          <List size="sm" spacing={4}>
            {changes.map((entry) => (
              <List.Item key={entry.position}>{sentence(entry)}</List.Item>
            ))}
          </List>
        )}
        <Text size="sm">{intl.formatMessage({ id: 'commitment.conflict.kept' })}</Text>
        <Group>
          <Button onClick={onReload} loading={reloading}>
            {intl.formatMessage({ id: 'commitment.conflict.reapply' })}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
