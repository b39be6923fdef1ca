import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { UserDirectory } from '@hld/identity';
import { exited, startBuilt } from '../../helpers/child-process.js';
import { eventually } from '../../helpers/smtp-sink.js';
import { startTestApi, type TestApi } from '../../helpers/test-api.js';

const TIMEOUT_MS = 45_000;

/**
 * The web app as `npm start` serves it (the built API process with the built assets), in Debian's Chromium,
 * on the real PostgreSQL and Redis. Driven by role and label, with axe (WCAG 2.2 AA) on every screen.
 */
const SCREENSHOTS = 'test/e2e/web/screenshots';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'a-long-enough-password';

let setup: TestApi;
let api: ChildProcess;
let base: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Content-Security-Policy violations and uncaught errors, from every page of the test. */
let pageProblems: string[] = [];

/** A port nothing listens on now (the machine is shared: a fixed or random one may be taken). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServedApp(): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = startBuilt('api', { PORT: String(port), LOG_LEVEL: 'warn', PUBLIC_URL: `http://localhost:${port}` });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start; it printed:\n${output}`)), 30_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('exit', (code) => reject(new Error(`the API exited (${code}); it printed:\n${output}`)));
  });
  return { child, base: `http://localhost:${port}` };
}

async function newPage(locale = 'en-GB', viewport = { width: 1280, height: 800 }): Promise<Page> {
  // a fresh context: its own cookies and storage, as a new browser would have; reduced motion, so that axe never
  // measures a dialog's colours half-way through its fade-in (a contrast failure that depends on the machine's load)
  const context = await browser.newContext({ locale, viewport, baseURL: base, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageProblems.push(`CSP: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
}

/** Saves a full-page screenshot and checks it shows something: many colours, and light and dark areas. */
async function screenshot(page: Page, name: string): Promise<void> {
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const png = PNG.sync.read(readFileSync(file));
  const colours = new Set<number>();
  let sum = 0;
  let sumOfSquares = 0;
  let samples = 0;
  for (let i = 0; i < png.data.length; i += 4 * 37) {
    const luminance = 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2];
    colours.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
    sum += luminance;
    sumOfSquares += luminance * luminance;
    samples += 1;
  }
  const variance = sumOfSquares / samples - (sum / samples) ** 2;
  expect({ name, blank: colours.size < 8 || variance < 100 }).toEqual({ name, blank: false });
}

const emailField = (page: Page, name = 'Email address') => page.getByRole('textbox', { name });
const passwordField = (page: Page, name = 'Password') => page.getByRole('textbox', { name, exact: true });

async function aFocalPoint(agency = 'ILO') {
  return setup.app.get(UserDirectory).create({
    email: `web-${randomUUID().slice(0, 8)}@test.invalid`,
    name: `Amina Diallo ${randomUUID().slice(0, 4)}`,
    role: 'focal_point',
    agency,
    password: PASSWORD,
  });
}

async function signIn(page: Page, email: string, labels = { email: 'Email address', password: 'Password', submit: 'Sign in' }) {
  await emailField(page, labels.email).fill(email);
  await passwordField(page, labels.password).fill(PASSWORD);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  [setup, { child: api, base }, browser] = await Promise.all([
    startTestApi(),
    startServedApp(),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    }),
  ]);
}, TIMEOUT_MS);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  const problems = pageProblems;
  pageProblems = [];
  expect(problems).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await exited(api);
  }
  await setup?.close();
});

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
      await expect(emailField(page).evaluate((el) => el.matches(':focus'))).resolves.toBe(true);
      await expectAccessible(page);

      // a wrong password: said in words, the password field emptied and focused for another try
      await page.keyboard.type(user.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type('not-the-password');
      await page.keyboard.press('Enter');
      await page.getByText('The email address or the password is wrong.').waitFor();
      await expect(passwordField(page).evaluate((el) => el.matches(':focus'))).resolves.toBe(true);

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
      await screenshot(page, 'en-home');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      // focus moves to the new page's title
      await expect(page.locator(':focus').textContent()).resolves.toBe('Settings');

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
      const tokenSignIn = await fetch(`${base}/api/v1/auth/login`, {
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
      const asScript = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
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
      expect((await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

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
        expect((await setup.db.query('SELECT language FROM users WHERE id = $1', [user.id]))[0].language).toBe('fr'),
      );
      await expectAccessible(page);
      await screenshot(page, 'fr-home');

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
      for (const path of ['/sign-in', '/', '/settings']) {
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
      const page = await fetch(`${base}/settings?x=1`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const policy = page.headers.get('content-security-policy')!;
      expect(policy).toMatch(/script-src 'self'(;|$)/);
      expect(policy).not.toContain('unsafe-inline');
      const html = await page.text();
      const nonce = /style-src 'self' 'nonce-([^']+)'/.exec(policy)![1];
      expect(html).toContain(`nonce="${nonce}"`);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
      const script = await fetch(`${base}${asset}`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(script.status).toBe(200);
      expect(script.headers.get('content-encoding')).toBe('br'); // compressed once, at build time
      expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(script.headers.get('content-type')).toMatch(/javascript/);

      const api404 = await fetch(`${base}/api/v1/no-such-route`, { headers: { accept: 'text/html' } });
      expect(api404.status).toBe(404);
      expect(api404.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await fetch(`${base}/assets/no-such-file.js`)).status).toBe(404);
      expect((await fetch(`${base}/settings`, { headers: { accept: 'application/json' } })).status).toBe(404);
      expect((await fetch(`${base}/settings`, { method: 'POST', headers: { accept: 'text/html' } })).status).toBe(404);
    },
    TIMEOUT_MS,
  );
});
