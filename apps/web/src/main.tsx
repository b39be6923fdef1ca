import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/providers';
import { loadMessages } from './i18n/catalogue';
import { initialLocale } from './i18n/locales';

// the first paint is already in the right language: its catalogue is loaded before anything renders
const locale = initialLocale();
const messages = await loadMessages(locale);
document.documentElement.lang = locale;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initial={{ locale, messages }} />
  </StrictMode>,
);
