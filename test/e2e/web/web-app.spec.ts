import { eventually } from '../../helpers/smtp-sink.js';
import {
  emailField,
  expectAccessible,
  expectFocused,
  passwordField,
  PASSWORD,
  screenshot,
  signIn,
  TIMEOUT_MS,
  useWebApp,
} from './harness.js';

/**
 * The web app's foundation: sign-in, home, settings, languages, narrow screens, and how `npm start` serves it.
 * Driven by role and label, with axe (WCAG 2.2 AA) on every screen.
 */
const web = useWebApp();
const newPage = (...args: Parameters<typeof web.newPage>) => web.newPage(...args);
const aFocalPoint = (agency?: string) => web.aFocalPoint(agency);

describe('The web app', () => {
  it(
    'signs in with the keyboard alone, and a deep link opened signed out comes back after sign-in',
    async () => {
      const user = await aFocalPoint();
      const page = await newPage();
      await page.goto('/settings');
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await expectAccessible(page);
      await screenshot(page, 'en-sign-in');

      // the skip link comes first and leads to the main content
      await page.keyboard.press('Tab');
      await expect(page.locator(':focus').textContent()).resolves.toBe('Skip to main content');
      await page.keyboard.press('Enter');
      await expect(page.locator(':focus').getAttribute('id')).resolves.toBe('main');

      // empty form: the errors are in words, next to their fields, and the first one has the focus
      for (let i = 0; i < 10 && (await page.locator(':focus').textContent()) !== 'Sign in'; i += 1) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText('Enter your email address.').waitFor();
      await expect(page.getByText('Enter your password.').isVisible()).resolves.toBe(true);
      await expect(emailField(page).getAttribute('aria-invalid')).resolves.toBe('true');
      await expectFocused(emailField(page));
      await expectAccessible(page);

      // a wrong password: said in words, the password field emptied and focused for another try
      await page.keyboard.type(user.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type('not-the-password');
      await page.keyboard.press('Enter');
      await page.getByText('The email address or the password is wrong.').waitFor();
      await expectFocused(passwordField(page));

      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/settings');
      // the session is an HttpOnly cookie: nothing in the page can read it
      await expect(page.evaluate('document.cookie')).resolves.toBe('');
      const [cookie] = await page.context().cookies();
      expect(cookie).toMatchObject({ name: 'hld_session', httpOnly: true, sameSite: 'Lax', path: '/' });
    },
    TIMEOUT_MS,
  );

  it(
    'shows who is signed in and the reporting cycle on the home page; settings: password, API tokens; signs out',
    async () => {
      const user = await aFocalPoint('IOM');
      const page = await newPage();
      await page.goto('/');
      await signIn(page, user.email);
      await page.getByRole('heading', { level: 1, name: `Welcome, ${user.name}` }).waitFor();
      await expect(page.getByText('Focal point for IOM').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('region', { name: 'Reporting cycle' }).isVisible()).resolves.toBe(true);
      await expectAccessible(page);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      // focus moves to the new page's title
      await expectFocused(page.getByRole('heading', { level: 1, name: 'Settings' }));

      // password: a wrong current password is said next to that field; the right one changes it
      await passwordField(page, 'Current password').fill('not-my-password');
      await passwordField(page, 'New password').fill('another-long-password');
      await passwordField(page, 'Repeat the new password').fill('another-long-password');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('The current password is wrong.').waitFor();
      await expect(passwordField(page, 'Current password').getAttribute('aria-invalid')).resolves.toBe('true');
      await passwordField(page, 'Current password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Your password has been changed.').waitFor();
      const tokenSignIn = await fetch(`${web.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: 'another-long-password' }),
      });
      expect(tokenSignIn.status).toBe(200);

      // an API token: shown once, works for a script, listed, revoked
      await page.getByRole('textbox', { name: 'Token name' }).fill('Quarterly export');
      await page.getByRole('button', { name: 'Create token' }).click();
      await page.getByText('Token “Quarterly export” created. Copy it now: it will not be shown again.').waitFor();
      const token = (await page.getByLabel('New token').textContent())!.trim();
      expect(token).toMatch(/^hld_/);
      const asScript = await fetch(`${web.base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await asScript.json()) as { id: string }).id).toBe(user.id);
      await expect(page.getByText('1 token', { exact: true }).isVisible()).resolves.toBe(true);
      await expectAccessible(page);
      await screenshot(page, 'en-settings');

      await page.getByRole('button', { name: 'Revoke token “Quarterly export”' }).click();
      const dialog = page.getByRole('dialog', { name: 'Revoke token “Quarterly export”?' });
      await dialog.waitFor();
      await expectAccessible(page);
      await dialog.getByRole('button', { name: 'Revoke token' }).click();
      await page.getByText('Token “Quarterly export” revoked.').waitFor();
      await page.getByText('You have no API tokens.').waitFor();
      expect((await fetch(`${web.base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

      // sign out: the session ends, and the pages need a sign-in again
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You have signed out.').waitFor();
      await expect(page.getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(0);
      await expect(page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
      await expectAccessible(page);
      await page.goto('/settings');
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await page.context().cookies()).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'switches to French, which persists across a reload and a new sign-in; the language comes from the browser first',
    async () => {
      const user = await aFocalPoint();
      const page = await newPage('en-GB');
      await page.goto('/sign-in');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await signIn(page, user.email);
      await page.getByRole('heading', { level: 1, name: `Welcome, ${user.name}` }).waitFor();

      await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
      await page.getByRole('heading', { level: 1, name: `Bienvenue, ${user.name}` }).waitFor();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      await eventually(async () =>
        expect((await web.setup.db.query('SELECT language FROM users WHERE id = $1', [user.id]))[0].language).toBe('fr'),
      );
      await expectAccessible(page);

      await page.reload();
      await page.getByRole('heading', { level: 1, name: `Bienvenue, ${user.name}` }).waitFor();
      await page.getByRole('link', { name: 'Paramètres' }).click();
      await page.getByRole('heading', { level: 1, name: 'Paramètres' }).waitFor();
      await expect(page.getByRole('radio', { name: 'Français' }).isChecked()).resolves.toBe(true);
      await expectAccessible(page);
      await screenshot(page, 'fr-settings');
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'fr-sign-in');

      // another browser, in English: the sign-in page follows the browser, the account's language follows sign-in
      const elsewhere = await newPage('en-US');
      await elsewhere.goto('/');
      await elsewhere.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await signIn(elsewhere, user.email);
      await elsewhere.getByRole('heading', { level: 1, name: `Bienvenue, ${user.name}` }).waitFor();
      await expect(elsewhere.locator('html').getAttribute('lang')).resolves.toBe('fr');

      // a browser that prefers Spanish gets the sign-in page in Spanish
      const spanish = await newPage('es-ES');
      await spanish.goto('/');
      await spanish.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
      await expect(spanish.locator('html').getAttribute('lang')).resolves.toBe('es');
    },
    TIMEOUT_MS,
  );

  it(
    'is usable at 320 CSS pixels wide: nothing scrolls sideways',
    async () => {
      const user = await aFocalPoint();
      const page = await newPage('en-GB', { width: 320, height: 640 });
      for (const path of ['/sign-in', '/', '/settings', '/annual-summaries']) {
        await page.goto(path);
        if (path === '/') await signIn(page, user.email);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(320);
        await expectAccessible(page);
      }
      await screenshot(page, 'en-settings-320');
    },
    TIMEOUT_MS,
  );

  it(
    'is served as npm start serves it: cached assets, an uncached page with a strict CSP, app routes on reload, API 404s as problems',
    async () => {
      const page = await fetch(`${web.base}/settings?x=1`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const policy = page.headers.get('content-security-policy')!;
      expect(policy).toMatch(/script-src 'self'(;|$)/);
      expect(policy).not.toContain('unsafe-inline');
      const html = await page.text();
      const nonce = /style-src 'self' 'nonce-([^']+)'/.exec(policy)![1];
      expect(html).toContain(`nonce="${nonce}"`);
      // what the first page needs is named in the page, fetched with the bundle: the negotiated language's
      // messages, who is signed in (and for a signed-in home its agenda, see home.spec.ts)
      expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/en-[\w-]+\.js"/);
      expect(html).toContain('<link rel="preload" as="fetch" crossorigin href="/api/v1/auth/session">');
      expect(html).not.toContain('/api/v1/me/agenda'); // (no session here)
      const french = await (await fetch(`${web.base}/`, { headers: { accept: 'text/html', 'accept-language': 'fr-CH, en;q=0.5' } })).text();
      expect(french).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/fr-[\w-]+\.js"/);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
      const script = await fetch(`${web.base}${asset}`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(script.status).toBe(200);
      expect(script.headers.get('content-encoding')).toBe('br'); // compressed once, at build time
      expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(script.headers.get('content-type')).toMatch(/javascript/);

      // the API's answers are compressed as they are sent, for a client that accepts it
      const document = await fetch(`${web.base}/api/docs/json`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(document.headers.get('content-encoding')).toBe('br');
      expect(document.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(((await document.json()) as { openapi: string }).openapi).toMatch(/^3\./);
      const plain = await fetch(`${web.base}/api/docs/json`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();

      const api404 = await fetch(`${web.base}/api/v1/no-such-route`, { headers: { accept: 'text/html' } });
      expect(api404.status).toBe(404);
      expect(api404.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await fetch(`${web.base}/assets/no-such-file.js`)).status).toBe(404);
      expect((await fetch(`${web.base}/settings`, { headers: { accept: 'application/json' } })).status).toBe(404);
      expect((await fetch(`${web.base}/settings`, { method: 'POST', headers: { accept: 'text/html' } })).status).toBe(404);
    },
    TIMEOUT_MS,
  );
});
