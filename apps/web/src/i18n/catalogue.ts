import type { MessageFormatElement } from 'react-intl';
import type { Locale } from './locales';
import type en from './messages/en.json';

export type MessageId = keyof typeof en;
/** A catalogue as the app receives it: the build compiles each ICU message to its syntax tree (vite.config.ts). */
export type Messages = Record<MessageId, MessageFormatElement[]>;

type Compiled = Promise<{ default: unknown }>;

/** Each language's messages are a chunk of their own: a page loads only the one it shows. */
const loaders: Record<Locale, () => Compiled> = {
  en: () => import('./messages/en.json'),
  fr: () => import('./messages/fr.json'),
  es: () => import('./messages/es.json'),
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await loaders[locale]()).default as Messages;
}
