import type { Locale } from './locales';
import type en from './messages/en.json';

export type MessageId = keyof typeof en;
export type Messages = Record<MessageId, string>;

/** Each language's messages are a chunk of their own: a page loads only the one it shows. */
const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import('./messages/en.json'),
  fr: () => import('./messages/fr.json'),
  es: () => import('./messages/es.json'),
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await loaders[locale]()).default;
}
