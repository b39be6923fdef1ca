/** The languages of the interface. Content (recommendation texts, reports) stays in the language it was written in. */
export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'hld.language';

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The first supported language among `preferences` (BCP 47 tags, most preferred first), else English. */
export function negotiateLocale(preferences: readonly string[]): Locale {
  for (const tag of preferences) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return 'en';
}

/**
 * The language to start in: the one last used on this device (the user's own, once known), else the one the
 * server negotiated from Accept-Language (it sets `<html lang>`), else the browser's preferences.
 */
export function initialLocale(): Locale {
  const remembered = safeStorage()?.getItem(STORAGE_KEY);
  if (isLocale(remembered)) return remembered;
  const served = document.documentElement.getAttribute('data-negotiated-lang');
  if (isLocale(served)) return served;
  return negotiateLocale(navigator.languages);
}

export function rememberLocale(locale: Locale): void {
  safeStorage()?.setItem(STORAGE_KEY, locale);
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // storage can be disabled by the browser's privacy settings; the language then lasts for the page only
    return null;
  }
}

/** Each language named in itself ("Français"), so a reader finds theirs whatever the page's language. */
export function autonym(locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
