import { NativeSelect } from '@mantine/core';
import { useIntl } from 'react-intl';
import { useLocale } from '../../i18n/locale-provider';
import { autonym, isLocale, LOCALES } from '../../i18n/locales';
import { useChangeLanguage } from '../../session/session';

export function LanguageSwitcher() {
  const intl = useIntl();
  const { locale } = useLocale();
  const changeLanguage = useChangeLanguage();
  return (
    <NativeSelect
      label={intl.formatMessage({ id: 'app.language' })}
      value={locale}
      size="xs"
      w={128}
      styles={{ label: { fontSize: 'var(--mantine-font-size-xs)' } }}
      data={LOCALES.map((value) => ({ value, label: autonym(value) }))}
      onChange={(event) => {
        const chosen = event.currentTarget.value;
        // a failure to store it on the account leaves the language shown as it was
        if (isLocale(chosen)) changeLanguage(chosen).catch(() => undefined);
      }}
    />
  );
}
