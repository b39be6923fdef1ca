import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Section } from '../../ui/section';
import { ExtensionForm } from './extension-form';
import { NoChangeForm } from './no-change-form';
import type { AllowedAction, Commitment } from './queries';
import { ReportProgressForm } from './report-progress-form';
import { TransitionForm } from './transition-form';

/** What the page offers, each with its `?act=` name (the form a link can open directly). */
type Offer =
  | { act: 'report'; kind: 'report' }
  | { act: 'no-change'; kind: 'no-change' }
  | { act: 'extension'; kind: 'extension' }
  | { act: string; kind: 'move'; move: AllowedAction & { to: NonNullable<AllowedAction['to']> } };

/** The forms this page has for the API's `allowedActions` (assigning owners, dates and decisions are elsewhere). */
export function offersOf(commitment: Commitment): Offer[] {
  const offers: Offer[] = [];
  for (const allowed of commitment.allowedActions) {
    if (allowed.to) offers.push({ act: allowed.action.replace(/_/g, '-'), kind: 'move', move: { ...allowed, to: allowed.to } });
  }
  if (commitment.allowedActions.some((a) => a.action === 'report_progress')) {
    offers.unshift({ act: 'report', kind: 'report' }, { act: 'no-change', kind: 'no-change' });
  }
  if (commitment.allowedActions.some((a) => a.action === 'request_extension')) offers.push({ act: 'extension', kind: 'extension' });
  return offers;
}

/**
 * Only what this user may do to this commitment now, as buttons that open the form in a dialog (its `?act=` in the
 * address, so the back button closes it and a link opens it). Nothing at all when the user may do nothing; a link
 * to a form the user cannot use here now says so.
 */
export function ActionsSection({ commitment, act, onDone }: { commitment: Commitment; act?: string; onDone: (message: string) => void }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 36em)');
  const offers = offersOf(commitment);
  const current = offers.find((offer) => offer.act === act);
  // a dialog stays open on what it was opened for, even when the page, read again after a refusal, no longer
  // offers it: the refusal is said in the dialog, and closing it shows what is left
  const [kept, setKept] = useState<Offer | null>(null);
  if (current && kept?.act !== current.act) setKept(current);
  if (!current && kept && kept.act !== act) setKept(null);
  const open = current ?? (kept && act && kept.act === act ? kept : undefined);

  // after a success the focus goes to the page's announcement of it, not back to the button that opened the form
  const [returnFocus, setReturnFocus] = useState(true);
  const setAct = (next: string | undefined) =>
    void navigate({ to: '.', search: (previous: Record<string, unknown>) => ({ ...previous, act: next }), replace: next === undefined });
  const close = () => setAct(undefined);
  const done = (message: string) => {
    setReturnFocus(false);
    close();
    onDone(message);
  };

  const label = (offer: Offer) => {
    switch (offer.kind) {
      case 'report':
        return intl.formatMessage({ id: 'commitment.actions.report' });
      case 'no-change':
        return intl.formatMessage({ id: 'commitment.actions.noChange' });
      case 'extension':
        return intl.formatMessage({ id: 'commitment.actions.extension' });
      case 'move':
        return intl.formatMessage({ id: 'commitment.move.button' }, { action: offer.move.action });
    }
  };

  return (
    <>
      {act && !open && (
        <Alert variant="light" color="unBlue">
          {intl.formatMessage({ id: 'commitment.actions.notOffered' })}
        </Alert>
      )}
      {offers.length > 0 && (
        <Section title={intl.formatMessage({ id: 'commitment.actions.title' })}>
          <Stack gap="sm">
            <Text size="sm">{intl.formatMessage({ id: 'commitment.actions.help' })}</Text>
            <Group gap="sm">
              {offers.map((offer, index) => (
                <Button
                  key={offer.act}
                  variant={index === 0 ? 'filled' : 'default'}
                  // long labels wrap on a narrow screen instead of being cut
                  h="auto"
                  mih={36}
                  py={6}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
                  onClick={() => {
                    setReturnFocus(true);
                    setAct(offer.act);
                  }}
                >
                  {label(offer)}
                </Button>
              ))}
            </Group>
          </Stack>
        </Section>
      )}
      <Modal
        opened={open !== undefined}
        onClose={close}
        returnFocus={returnFocus}
        title={open ? dialogTitle(intl, open, commitment.code) : ''}
        closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'app.close' }) }}
        size="lg"
        fullScreen={narrow}
      >
        {open?.kind === 'report' && <ReportProgressForm commitment={commitment} onDone={done} onCancel={close} />}
        {open?.kind === 'no-change' && <NoChangeForm commitment={commitment} onDone={done} onCancel={close} />}
        {open?.kind === 'extension' && <ExtensionForm commitment={commitment} onDone={done} onCancel={close} />}
        {open?.kind === 'move' && <TransitionForm commitment={commitment} move={open.move} onDone={done} onCancel={close} />}
      </Modal>
    </>
  );
}

function dialogTitle(intl: ReturnType<typeof useIntl>, offer: Offer, code: string): string {
  switch (offer.kind) {
    case 'report':
      return intl.formatMessage({ id: 'commitment.report.title' }, { code });
    case 'no-change':
      return intl.formatMessage({ id: 'commitment.noChange.title' }, { code });
    case 'extension':
      return intl.formatMessage({ id: 'commitment.extension.title' }, { code });
    case 'move':
      return intl.formatMessage({ id: 'commitment.move.title' }, { action: offer.move.action, code });
  }
}
