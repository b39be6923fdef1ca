import type { IntlShape } from 'react-intl';

/**
 * An agenda item's title in the reader's language. The API gives the eight points' titles in English (the
 * catalogue's language); the message catalogues hold them in French and Spanish, and any other number keeps the
 * API's title.
 */
export const agendaItemTitle = (intl: IntlShape, number: number, title: string): string =>
  intl.formatMessage({ id: 'agendaItem.title' }, { number, title });
