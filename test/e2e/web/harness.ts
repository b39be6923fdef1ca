import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { UserDirectory, type User } from '@hld/identity';
import { exited, startBuilt } from '../../helpers/child-process.js';
import { eventually } from '../../helpers/smtp-sink.js';
import { startTestApi, type TestApi } from '../../helpers/test-api.js';

/**
 * The web app as `npm start` serves it (the built API process with the built assets), in Debian's Chromium, on the
 * real PostgreSQL and Redis, for the browser tests of every screen. A spec file calls `useWebApp()` once at its top:
 * it starts the served app, a test API on the same database (for fixtures and for checking through the API) and
 * the browser, and checks after every test that no page broke its Content-Security-Policy or threw.
 */
export const TIMEOUT_MS = 45_000;
export const SCREENSHOTS = 'test/e2e/web/screenshots';
export const PASSWORD = 'a-long-enough-password';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface WebApp {
  /** The test API (same database as the served app): fixtures, the clock-free direct checks. */
  readonly setup: TestApi;
  /** The served app's origin, e.g. http://localhost:41234. */
  readonly base: string;
  /** A fresh browser context (its own cookies and storage) and page. */
  newPage(locale?: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** A focal point of `agency`, created directly (password PASSWORD). */
  aFocalPoint(agency?: string): Promise<User>;
  /** A user of any role, created directly (password PASSWORD). */
  aUser(role: User['role'], agency?: string): Promise<User>;
}

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

/** Registers the suite's beforeAll / afterEach / afterAll and returns the running app (filled in by beforeAll). */
export function useWebApp(): WebApp {
  let setup: TestApi;
  let api: ChildProcess;
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Content-Security-Policy violations and uncaught errors, from every page of the test. */
  let pageProblems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    let served: { child: ChildProcess; base: string };
    [setup, served, browser] = await Promise.all([
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
    api = served.child;
    base = served.base;
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

  const aUser = (role: User['role'], agency?: string) =>
    setup.app.get(UserDirectory).create({
      email: `web-${randomUUID().slice(0, 8)}@test.invalid`,
      name: `Amina Diallo ${randomUUID().slice(0, 4)}`,
      role,
      agency,
      password: PASSWORD,
    });

  return {
    get setup() {
      return setup;
    },
    get base() {
      return base;
    },
    async newPage(locale = 'en-GB', viewport = { width: 1280, height: 800 }) {
      // reduced motion, so that axe never measures a dialog's colours half-way through its fade-in (a contrast
      // failure that depends on the machine's load)
      const context = await browser.newContext({ locale, viewport, baseURL: base, reducedMotion: 'reduce' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) pageProblems.push(`CSP: ${message.text()}`);
      });
      page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
      return page;
    },
    aFocalPoint: (agency = 'ILO') => aUser('focal_point', agency),
    aUser,
  };
}

/** axe-core with the WCAG 2.2 A and AA rules: no violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
}

/** Saves a full-page screenshot and checks it shows something: many colours, and light and dark areas. */
export async function screenshot(page: Page, name: string): Promise<void> {
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

const isFocused = (target: Locator) =>
  target.evaluate((el) => el === el.ownerDocument.activeElement || el.contains(el.ownerDocument.activeElement));

/**
 * `target` has the focus, or something in it has, now or within a moment: the app moves the focus once React has
 * rendered, which a test can observe a frame before it happens.
 */
export const expectFocused = (target: Locator) => eventually(async () => expect(await isFocused(target)).toBe(true), 5_000, 50);

export const emailField = (page: Page, name = 'Email address') => page.getByRole('textbox', { name });
export const passwordField = (page: Page, name = 'Password') => page.getByRole('textbox', { name, exact: true });

export async function signIn(page: Page, email: string, labels = { email: 'Email address', password: 'Password', submit: 'Sign in' }) {
  await emailField(page, labels.email).fill(email);
  await passwordField(page, labels.password).fill(PASSWORD);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

/** A message catalogue of the web app, as ICU text. */
export const catalogue = (language: string): Record<string, string> =>
  JSON.parse(readFileSync(`apps/web/src/i18n/messages/${language}.json`, 'utf8')) as Record<string, string>;

/**
 * The page's text (text nodes and accessible names given as aria-label) that is English wording from the
 * catalogue, as `text ⟵ wording`: a whole message without arguments that `language` says otherwise, or a phrase
 * of two words or more from any English message that `language`'s catalogue does not also use. `allowed` is
 * content (and text marked lang="en" is content too).
 */
export async function englishOn(page: Page, language: string, allowed: Set<string>): Promise<string[]> {
  // (in the page: the server's type-check knows no DOM)
  const texts = (await page.evaluate(`(() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // content marked English inside the page (not the page itself, which is lang="en" once switched to English)
      const marked = node.parentElement && node.parentElement.closest('[lang="en"], script, style');
      if (marked && marked !== document.documentElement) continue;
      const text = (node.textContent || '').trim();
      if (text) found.push(text);
    }
    for (const element of document.querySelectorAll('[aria-label]')) found.push(element.getAttribute('aria-label').trim());
    return found;
  })()`)) as string[];
  const english = catalogue('en');
  const other = catalogue(language);
  const otherText = Object.values(other).join('\n');
  const wordings = Object.entries(english).flatMap(([key, message]) =>
    literals(parse(message))
      .map((literal) => literal.trim())
      .filter((literal) => (literal === message.trim() ? english[key] !== other[key] : /\p{L}+\s+\p{L}+/u.test(literal)))
      .filter((literal) => literal.length > 2 && !otherText.includes(literal)),
  );
  return texts
    .filter((text) => !allowed.has(text))
    .flatMap((text) =>
      wordings
        .filter((wording) => (wording.includes(' ') ? text.includes(wording) : text === wording))
        .map((wording) => `${text} ⟵ ${wording}`),
    );
}

/** The literal text of an ICU message, outside its arguments (the words the catalogue itself supplies). */
function literals(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal) return [element.value];
    if (element.type === TYPE.plural || element.type === TYPE.select)
      return Object.values(element.options).flatMap((o) => literals(o.value));
    if (element.type === TYPE.tag) return literals(element.children);
    return [];
  });
}
