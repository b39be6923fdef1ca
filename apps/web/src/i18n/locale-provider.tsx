import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { loadMessages, type Messages } from './catalogue';
import { rememberLocale, type Locale } from './locales';

interface LocaleContextValue {
  locale: Locale;
  /** Shows the interface in `locale` (once its messages are loaded) and remembers it on this device. */
  changeLocale(locale: Locale): Promise<void>;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}

/** react-intl with the current language's catalogue; keeps `<html lang>` in step. */
export function LocaleProvider({ initial, children }: { initial: { locale: Locale; messages: Messages }; children: ReactNode }) {
  const [current, setCurrent] = useState(initial);

  const changeLocale = useCallback(async (locale: Locale) => {
    rememberLocale(locale);
    const messages = await loadMessages(locale);
    setCurrent((previous) => (previous.locale === locale ? previous : { locale, messages }));
  }, []);

  useEffect(() => {
    document.documentElement.lang = current.locale;
  }, [current.locale]);

  const value = useMemo(() => ({ locale: current.locale, changeLocale }), [current.locale, changeLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={current.locale} messages={current.messages} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
