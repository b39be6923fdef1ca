import type { MessageId } from './catalogue';

// Every message id used with react-intl is checked against the English catalogue at compile time.
declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
