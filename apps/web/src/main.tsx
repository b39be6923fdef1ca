import '@mantine/core/styles.css';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createClients } from './app/providers';
import { loadMessages } from './i18n/catalogue';
import { initialLocale } from './i18n/locales';

// the first paint is already in the right language: its catalogue is loaded before anything renders; meanwhile
// the first page's code and data are on their way (who is signed in, then what the page shows), instead of
// being asked for one after the other once it renders (a round trip each, on a slow link)
const locale = initialLocale();
const clients = createClients();
const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
// (an `href` stands for `to`; the types ask for one of the app's paths)
void clients.router.preloadRoute({ href: here } as Parameters<typeof clients.router.preloadRoute>[0]).catch(() => undefined);
const messages = await loadMessages(locale);
document.documentElement.lang = locale;

// rendered as a transition: React does the first render in slices that leave the main thread free in between
// (a slow phone stays responsive while the page builds), instead of one long task
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <StrictMode>
      <App initial={{ locale, messages }} clients={clients} />
    </StrictMode>,
  ),
);
