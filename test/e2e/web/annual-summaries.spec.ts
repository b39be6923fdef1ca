import { readFileSync } from 'node:fs';
import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Page } from 'playwright-core';
import { ConfigModule, loadEnvironment } from '@hld/config';
import { PersistenceModule } from '@hld/persistence';
import { JobsModule } from '@hld/jobs';
import { CommitmentsModule } from '@hld/commitments';
import { ANNUAL_SUMMARIES_QUEUE, AnnualSummariesWorkerModule } from '@hld/annual-summaries';
import type { User } from '@hld/identity';
import { eventually } from '../../helpers/smtp-sink.js';
import { englishOn, expectAccessible, expectFocused, screenshot, signIn, TIMEOUT_MS, useWebApp } from './harness.js';

/**
 * The annual summaries' pages: a coordinator opens a year's page from the address the "summary ready" email and
 * inbox notice link to, compiles the summary, follows it until it is done and downloads its files; a focal point
 * reads the versions without the compilation; French and Spanish. The served API only queues the compilation: the
 * annual summaries' worker runs in this process, as in the API's own summary tests. The year is 2013, which no
 * other test file compiles, on the real clock the served API runs on.
 */
const web = useWebApp();
const YEAR = 2013;
const COMPILE_MS = 60_000;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Version {
  version: number;
  status: string;
  requestedBy: string;
  knownAt: string | null;
}

let worker: INestApplicationContext | undefined;
/** The summaries' queue, paused for a moment so that the page can be seen following a queued version. */
let queue: Queue | undefined;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(loadEnvironment()), PersistenceModule, JobsModule, CommitmentsModule, AnnualSummariesWorkerModule],
  }).compile();
  moduleRef.useLogger(['error']);
  worker = await moduleRef.init();
  queue = worker.get<Queue>(getQueueToken(ANNUAL_SUMMARIES_QUEUE));
}, TIMEOUT_MS);

afterAll(async () => {
  await queue?.resume();
  await worker?.close();
});

const versionsOf = async (): Promise<Version[]> =>
  (await web.setup.http.get(`/api/v1/annual-summaries/${YEAR}`).expect(200)).body.items as Version[];

/** A done version of the year (compiled through the API if there is none yet), for the pages that only read. */
async function aDoneVersion(): Promise<Version> {
  const done = (await versionsOf()).filter((v) => v.status === 'done').at(-1);
  if (done) return done;
  const requested = await web.setup.http.post('/api/v1/annual-summaries').send({ year: YEAR }).expect(202);
  let finished: Version | undefined;
  await eventually(
    async () => {
      finished = (await web.setup.http.get(requested.headers.location).expect(200)).body as Version;
      expect(finished.status).toBe('done');
    },
    COMPILE_MS,
    250,
  );
  return finished!;
}

const yearTitle = (page: Page, name = `Annual progress summary ${YEAR}`) => page.getByRole('heading', { level: 1, name });
const versionItem = (page: Page, version: number, name = 'Version') =>
  page.getByRole('listitem', { name: `${name} ${version}`, exact: true });

/** Presses "Compile", and gives the version the API answered with (202). */
async function compile(page: Page): Promise<Version> {
  const [answer] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/annual-summaries' && r.request().method() === 'POST'),
    page.getByRole('button', { name: `Compile the ${YEAR} summary` }).click(),
  ]);
  expect(answer.status()).toBe(202);
  return (await answer.json()) as Version;
}

/** The last instant of the day before today in this machine's time zone (the browser's too), as the page sends it. */
function endOfYesterday(): { day: string; instant: Date } {
  const now = new Date();
  const instant = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 23, 59, 59, 999);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { day: `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`, instant };
}

describe('The annual summaries pages', () => {
  let coordinator: User;

  it(
    'lets a coordinator open the year from the notice’s address, compile it, follow it until done and download the DOCX',
    async () => {
      coordinator = await web.aUser('coordinator');
      const page = await web.newPage();
      // the link of the "summary ready" email and inbox notice (WEB_PAGES.annualSummary), opened signed out
      await page.goto(`/annual-summaries/${YEAR}`);
      await signIn(page, coordinator.email);
      await yearTitle(page).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/annual-summaries/${YEAR}`);
      await expect(
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Annual summaries' }).isVisible(),
      ).resolves.toBe(true);
      await expectAccessible(page);

      // a day after today is refused next to the field, before anything is sent
      const knownAt = page.getByLabel('As known at (optional)');
      await knownAt.fill(`${new Date().getFullYear() + 1}-01-01`);
      await page.getByRole('button', { name: `Compile the ${YEAR} summary` }).click();
      await page.getByText('Choose today or an earlier day: the tracker cannot know what it will be told later.').waitFor();
      await expect(knownAt.getAttribute('aria-invalid')).resolves.toBe('true');
      await expectFocused(knownAt);
      await knownAt.fill('');

      // compiled in the background: the page shows the version queued while the worker waits, follows it, and
      // the live region says when it is done
      await queue!.pause();
      const requested = await compile(page);
      const status = page.getByRole('status');
      await versionItem(page, requested.version).getByText('Queued: waiting for the tracker to compile it.').waitFor();
      await status.getByText(`Version ${requested.version} of the ${YEAR} summary is queued.`).waitFor();
      await expectAccessible(page);
      await queue!.resume();
      await status
        .getByText(`Version ${requested.version} of the ${YEAR} summary is done: its files can be downloaded.`)
        .waitFor({ timeout: COMPILE_MS });
      const item = versionItem(page, requested.version);
      await item.getByText('Done: every file can be downloaded.').waitFor();
      if (requested.requestedBy === coordinator.id) await expect(item.getByText(/, by you$/).count()).resolves.toBe(1);
      await expect(item.getByText('December 31, 2013, the end of the year it describes').count()).resolves.toBe(1);
      await expect(item.getByText(/: everything recorded when it was compiled$/).count()).resolves.toBe(1);
      // what only tracing needs is folded away, one click from view
      const checksum = item.getByText(/^sha256:[0-9a-f]{64}$/);
      await expect(checksum.isVisible()).resolves.toBe(false);
      await item.getByText('For tracing: the record this version was compiled from').click();
      await expect(checksum.isVisible()).resolves.toBe(true);

      // the DOCX through the page's own link: a plain download with the session cookie
      const link = item.getByRole('link', { name: 'Word document (DOCX)' });
      const href = (await link.getAttribute('href'))!;
      expect(href).toBe(`/api/v1/annual-summaries/${YEAR}/${requested.version}.docx`);
      await expect(link.getAttribute('download')).resolves.not.toBeNull();
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(`hld-annual-summary-${YEAR}-v${requested.version}.docx`);
      expect(
        readFileSync((await download.path())!)
          .subarray(0, 2)
          .toString(),
      ).toBe('PK'); // a ZIP: the DOCX itself
      const answer = await page.request.get(href); // the browser's cookies, as the link sends them
      expect({ status: answer.status(), type: answer.headers()['content-type'] }).toEqual({ status: 200, type: DOCX });
      for (const name of ['Excel workbook (XLSX)', 'Table (CSV)', 'Web page (HTML)', 'Plain text (Markdown)', 'Data (JSON)'])
        await expect(item.getByRole('link', { name }).count()).resolves.toBe(1);
      await expectAccessible(page);
      await screenshot(page, 'en-annual-summary');

      // again, as the tracker knew things at the end of yesterday: the newest version comes first and says so
      const yesterday = endOfYesterday();
      await knownAt.fill(yesterday.day);
      const asKnown = await compile(page);
      expect(Date.parse(asKnown.knownAt ?? '')).toBe(yesterday.instant.getTime());
      await status.getByText(`Version ${asKnown.version} of the ${YEAR} summary is done`).waitFor({ timeout: COMPILE_MS });
      const day = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(yesterday.instant);
      await expect(versionItem(page, asKnown.version).getByText(day, { exact: false }).count()).resolves.toBeGreaterThan(0);
      const titles = await page
        .getByRole('list', { name: `Versions of the ${YEAR} summary` })
        .getByRole('heading', { level: 3 })
        .allTextContents();
      expect(titles.indexOf(`Version ${asKnown.version}`)).toBeLessThan(titles.indexOf(`Version ${requested.version}`));

      // the inbox notice of a ready summary leads to this page
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: /^Inbox/ })
        .click();
      const open = page.getByRole('link', {
        name: `Open the page: The ${YEAR} annual progress summary is ready (version ${requested.version})`,
      });
      await open.waitFor();
      await expect(open.getAttribute('href')).resolves.toBe(`/annual-summaries/${YEAR}`);
      await open.click();
      await yearTitle(page).waitFor();

      // a year the API does not know: its refusal, in words
      await page.goto('/annual-summaries/2099');
      await page.getByText(/^This was not accepted: There is no summary year 2099/).waitFor();
      await expectAccessible(page);
    },
    TIMEOUT_MS + 2 * COMPILE_MS,
  );

  it(
    'shows a focal point the versions and their files, with no compilation; the years page leads to each year',
    async () => {
      const done = await aDoneVersion();
      const focal = await web.aFocalPoint('ILO');
      const page = await web.newPage();
      await page.goto('/');
      await signIn(page, focal.email);
      await page.getByRole('heading', { level: 1, name: `Welcome, ${focal.name}` }).waitFor();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Annual summaries' }).click();
      await page.getByRole('heading', { level: 1, name: 'Annual progress summaries' }).waitFor();
      const years = page.getByRole('list', { name: 'Years' });
      const row = years.getByRole('listitem', { name: `Summary ${YEAR}` });
      await row.getByText(/version \d+, (was compiled on|is queued|is being compiled)/).waitFor();
      await expect(years.getByRole('listitem').count()).resolves.toBe(new Date().getFullYear() - 2012);
      await expectAccessible(page);

      await row.getByRole('link', { name: `Summary ${YEAR}` }).click();
      await yearTitle(page).waitFor();
      const item = versionItem(page, done.version);
      await item.getByText('Done: every file can be downloaded.').waitFor();
      await expect(item.getByRole('link', { name: 'Word document (DOCX)' }).getAttribute('href')).resolves.toBe(
        `/api/v1/annual-summaries/${YEAR}/${done.version}.docx`,
      );
      const answer = await page.request.get(`/api/v1/annual-summaries/${YEAR}/${done.version}.xlsx`);
      expect(answer.status()).toBe(200);
      // the compilation is for coordinators (and admins): not offered at all
      await expect(page.getByRole('region', { name: 'Compile the summary' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: /^Compile/ }).count()).resolves.toBe(0);
      await expectAccessible(page);
    },
    TIMEOUT_MS + COMPILE_MS,
  );

  it(
    'is usable at 320 CSS pixels wide, with the compilation form and a version’s facts',
    async () => {
      await aDoneVersion();
      const user = await web.aUser('admin');
      const page = await web.newPage('en-GB', { width: 320, height: 640 });
      await page.goto(`/annual-summaries/${YEAR}`);
      await signIn(page, user.email);
      await yearTitle(page).waitFor();
      await page.getByRole('button', { name: `Compile the ${YEAR} summary` }).waitFor();
      await page.getByRole('link', { name: 'Word document (DOCX)' }).first().waitFor();
      await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(320);
      await expectAccessible(page);
      await page.goto('/annual-summaries');
      await page.getByRole('heading', { level: 1, name: 'Annual progress summaries' }).waitFor();
      await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(320);
    },
    TIMEOUT_MS + COMPILE_MS,
  );

  it(
    'speaks French and Spanish, with no English wording',
    async () => {
      const done = await aDoneVersion();
      const user = await web.aUser('coordinator');
      const page = await web.newPage('fr-FR');
      await page.goto(`/annual-summaries/${YEAR}`);
      await signIn(page, user.email, { email: 'Adresse électronique', password: 'Mot de passe', submit: 'Se connecter' });
      await yearTitle(page, `Synthèse annuelle des progrès ${YEAR}`).waitFor();
      await versionItem(page, done.version).getByText('Prête : tous les fichiers peuvent être téléchargés.').waitFor();
      await page.getByRole('button', { name: `Établir la synthèse ${YEAR}` }).waitFor();
      await expect(versionItem(page, done.version).getByRole('link', { name: 'Document Word (DOCX)' }).count()).resolves.toBe(1);
      // content: the user, and what the versions record (the generator's name, checksums)
      const allowed = new Set([user.name, user.email]);
      expect(await englishOn(page, 'fr', allowed)).toEqual([]);
      await expectAccessible(page);
      await screenshot(page, 'fr-annual-summary');

      await page.getByRole('combobox', { name: 'Langue' }).selectOption({ label: 'Español' });
      await yearTitle(page, `Resumen anual de progresos ${YEAR}`).waitFor();
      await versionItem(page, done.version, 'Versión').getByText('Listo: todos los archivos se pueden descargar.').waitFor();
      expect(await englishOn(page, 'es', allowed)).toEqual([]);
      await page.getByRole('link', { name: 'Todos los años' }).click();
      await page.getByRole('heading', { level: 1, name: 'Resúmenes anuales de progresos' }).waitFor();
      await page
        .getByRole('listitem', { name: `Resumen ${YEAR}` })
        .getByText(/versión \d+/)
        .waitFor();
      expect(await englishOn(page, 'es', allowed)).toEqual([]);
      await expectAccessible(page);

      // and the check can fail: the same page in English is full of it
      await page.getByRole('combobox', { name: 'Idioma' }).selectOption({ label: 'English' });
      await page.getByRole('heading', { level: 1, name: 'Annual progress summaries' }).waitFor();
      await page.getByRole('link', { name: `Summary ${YEAR}` }).click();
      await versionItem(page, done.version).getByText('Done: every file can be downloaded.').waitFor();
      expect((await englishOn(page, 'es', allowed)).length).toBeGreaterThan(10);
    },
    TIMEOUT_MS + COMPILE_MS,
  );
});
