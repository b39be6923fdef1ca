import { Alert, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useLocale } from '../../i18n/locale-provider';
import { autonym, isLocale, LOCALES } from '../../i18n/locales';
import { useChangeLanguage } from '../../session/session';
import { ProblemAlert } from '../../ui/problem-alert';
import { Section } from '../../ui/section';

const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
} as const;

export function LanguageSection() {
  const intl = useIntl();
  const { locale } = useLocale();
  const changeLanguage = useChangeLanguage();
  const [outcome, setOutcome] = useState<{ saved: true } | { error: unknown } | null>(null);
  return (
    <Section title={intl.formatMessage({ id: 'settings.language.title' })}>
      <Stack gap="sm">
        <Radio.Group
          value={locale}
          // the section's heading shows it already; the group keeps its name for screen readers
          label={intl.formatMessage({ id: 'settings.language.title' })}
          styles={{ label: VISUALLY_HIDDEN }}
          description={intl.formatMessage({ id: 'settings.language.help' })}
          onChange={(value) => {
            if (!isLocale(value)) return;
            setOutcome(null);
            changeLanguage(value).then(
              () => setOutcome({ saved: true }),
              (error: unknown) => setOutcome({ error }),
            );
          }}
        >
          <Stack gap="xs" mt="xs">
            {LOCALES.map((value) => (
              <Radio key={value} value={value} label={autonym(value)} lang={value} />
            ))}
          </Stack>
        </Radio.Group>
        {outcome && 'saved' in outcome && (
          <Alert variant="light" color="green" role="status">
            <Text size="sm">{intl.formatMessage({ id: 'settings.language.saved' }, { language: autonym(locale) })}</Text>
          </Alert>
        )}
        {outcome && 'error' in outcome && <ProblemAlert error={outcome.error} />}
      </Stack>
    </Section>
  );
}
