import type { Page } from 'playwright-core';
import { NotificationLedger, type NotificationDraft } from '@hld/reminders';
import type { User } from '@hld/identity';
import { uniqueCode } from '../../helpers/factories.js';
import type { SignedIn } from '../../helpers/test-api.js';
import { englishOn, expectAccessible, screenshot, signIn, TIMEOUT_MS, useWebApp } from './harness.js';

/**
 * The focal point's home page (what the agency owes for the current cycle, "no change" in one click, what it leads
 * and supports, overdue work and why, extension requests, the latest notices) and the inbox with the unread count
 * in the header. The served API runs on the real clock: the cycles are this year's (open, deadline ahead) and last
 * year's (deadline passed), years no other test file uses.
 */
const web = useWebApp();
const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const YEAR = new Date().getUTCFullYear();

/** Codes that sort before every other commitment the test database holds, so that they come first in the lists. */
const code = () => uniqueCode('A0HOME');

interface Fixture {
  focal: SignedIn;
  codes: { a: string; b: string; late: string; declined: string; supported: string };
  /** What the commitments and requests say: content, in the language it was written in. */
  content: string[];
}

let fixture: Fixture | undefined;

/** ILO's commitments and cycles, made once through the API (as a coordinator and as ILO's focal point). */
async function ilosWork(): Promise<Fixture> {
  if (fixture) return fixture;
  const api = web.setup;
  const register = async (overrides: Record<string, unknown>) =>
    (
      await api.http
        .post('/api/v1/commitments')
        .send({
          code: code(),
          title: 'Promote fair recruitment of migrant workers',
          text: 'Fair recruitment.',
          source: 'A/68/190',
          kind: 'recommendation',
          leadAgency: 'ILO',
          supportingAgencies: [],
          agendaItems: [2],
          ...overrides,
        })
        .expect(201)
    ).body.code as string;
  const codes = {
    a: await register({ title: 'Lower the recruitment fees paid by migrant workers' }),
    b: await register({ title: 'Extend social protection to migrant domestic workers' }),
    late: await register({ title: 'Publish guidance on bilateral labour agreements', dueDate: day(-10) }),
    declined: await register({ title: 'Train labour inspectors on migrant workers’ rights', dueDate: day(60) }),
    supported: await register({ title: 'Map the costs of remittances', leadAgency: 'IOM', supportingAgencies: ['ILO'] }),
  };
  for (const [year, opensAt, deadline] of [
    [YEAR - 1, day(-400), day(-30)],
    [YEAR, day(-20), day(40)],
  ] as const) {
    const existing = await api.http.get(`/api/v1/reporting-cycles/${year}`);
    if (existing.status === 404) await api.http.post('/api/v1/reporting-cycles').send({ year, opensAt, deadline }).expect(201);
  }
  const focal = await api.signIn('focal_point', 'ILO');
  await focal.http
    .post(`/api/v1/commitments/${codes.late}/extension-requests`)
    .send({ dueDate: day(90), reason: 'The national survey results are published in March.' })
    .expect(201);
  const asked = await focal.http
    .post(`/api/v1/commitments/${codes.declined}/extension-requests`)
    .send({ dueDate: day(120), reason: 'Funding arrived late.' })
    .expect(201);
  await api.http
    .post(`/api/v1/commitments/${codes.declined}/extension-requests/${asked.body.pendingExtension.requestId}/decision`)
    .send({ decision: 'decline', comment: 'Please keep the plan; report what you have.' })
    .expect(200);
  const titles = (await api.db.query(`SELECT title FROM commitment_view WHERE code = ANY($1)`, [Object.values(codes)])) as Array<{
    title: string;
  }>;
  fixture = { focal, codes, content: [...Object.values(codes), ...titles.map((t) => t.title)] };
  return fixture;
}

/** Notices recorded the way reminders record them (the ledger renders and keeps them), for `user`. */
async function notices(user: User, drafts: Array<Pick<NotificationDraft, 'kind' | 'link' | 'model'>>): Promise<void> {
  await web.setup.app.get(NotificationLedger).record(
    web.setup.db.manager,
    drafts.map((d) => ({ ...d, recipient: { id: user.id, email: user.email, name: user.name }, dedupeKey: `web-home-${Math.random()}` })),
  );
}

/** A notice of this year's cycle to ILO (the call for inputs, a reminder of the deadline), linking to the home page. */
const cycleNotice = (
  kind: 'call_for_inputs' | 'deadline_reminder',
  { daysLeft, count }: { daysLeft: number; count: number },
): Pick<NotificationDraft, 'kind' | 'link' | 'model'> => ({
  kind,
  link: '/',
  model: {
    year: YEAR,
    agency: 'ILO',
    deadline: '15 January',
    timeZone: 'America/New_York',
    daysLeft,
    count,
    commitments: [],
    link: 'http://x/',
  },
});

const ownedBy = (page: Page) => page.getByRole('list', { name: `Commitments still to report on for ${YEAR}` });

/** Lists every item of the "still owes" list (it shows the first ten, the rest a click away). */
async function showEverythingOwed(page: Page, more = /^Show the other/): Promise<void> {
  const button = page.getByRole('button', { name: more });
  if (await button.count()) await button.click();
}

describe('The home page and the inbox', () => {
  it(
    'shows ILO’s focal point what ILO owes; "No change" records a no-change report and the item leaves the list',
    async () => {
      const { codes } = await ilosWork();
      const user = await web.aFocalPoint('ILO');
      const page = await web.newPage();
      await page.goto('/');
      await signIn(page, user.email);
      await page.getByRole('heading', { level: 1, name: `Welcome, ${user.name}` }).waitFor();

      // the cycle, in one sentence what ILO owes and by when
      const cycle = page.getByRole('region', { name: 'Reporting cycle' });
      await cycle.getByText(`Reporting cycle ${YEAR}`).waitFor();
      await cycle.getByText(/^ILO still owes \d+ reports? for \d{4}, due /).waitFor();

      await showEverythingOwed(page);
      const owed = ownedBy(page);
      for (const c of [codes.a, codes.b, codes.late, codes.declined])
        await expect(owed.getByRole('link', { name: c, exact: true }).count()).resolves.toBe(1);
      await expect(owed.getByRole('link', { name: codes.supported, exact: true }).count()).resolves.toBe(0); // led by IOM
      // the page named the agenda for the browser to fetch with the bundle, and the app used that answer
      const hinted = await fetch(`${web.base}/`, {
        headers: { accept: 'text/html', cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
      });
      expect(await hinted.text()).toContain('<link rel="preload" as="fetch" crossorigin href="/api/v1/me/agenda">');
      // "Report progress" opens the commitment's page with its report form
      await expect(page.getByRole('link', { name: `Report progress on ${codes.a}` }).getAttribute('href')).resolves.toBe(
        `/commitments/${codes.a}?act=report`,
      );
      await expectAccessible(page);
      await screenshot(page, 'en-home');

      // one click: recorded through the API, gone from the list, said in the status region, focus kept
      // with the keyboard
      await page.getByRole('button', { name: `No change since the last report on ${codes.a}` }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText(`${codes.a}: “no change since the last report” recorded for ${YEAR}.`).waitFor();
      await expect(owed.getByRole('link', { name: codes.a, exact: true }).count()).resolves.toBe(0);
      await expect(page.evaluate('document.activeElement.tagName')).resolves.toMatch(/^(BUTTON|H2)$/);
      const history = await web.setup.http.get(`/api/v1/commitments/${codes.a}/history`).expect(200);
      expect(history.body.items.at(-1)).toMatchObject({
        type: 'ProgressReported',
        actor: { id: user.id, role: 'focal_point', agency: 'ILO' },
        payload: { period: YEAR, agency: 'ILO', kind: 'no_change' },
      });
      // and it stays gone after a reload (the server's answer, not the page's memory)
      await page.reload();
      await showEverythingOwed(page);
      await owed.getByRole('link', { name: codes.b, exact: true }).waitFor();
      await expect(owed.getByRole('link', { name: codes.a, exact: true }).count()).resolves.toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    'breaks a word longer than the screen (a title, a reason) instead of pushing the page sideways at 320 px',
    async () => {
      await ilosWork();
      const long = 'Interregionalmigrationgovernancecapacitybuildingprogramme'.repeat(2);
      const { body } = await web.setup.http
        .post('/api/v1/commitments')
        .send({
          code: code(),
          title: long,
          text: long,
          source: 'A/68/190',
          kind: 'recommendation',
          leadAgency: 'ILO',
          supportingAgencies: [],
          agendaItems: [2],
          dueDate: day(-3),
        })
        .expect(201);
      const ilo = await web.setup.signIn('focal_point', 'ILO');
      await ilo.http
        .post(`/api/v1/commitments/${body.code}/extension-requests`)
        .send({ dueDate: day(90), reason: long })
        .expect(201);
      const user = await web.aFocalPoint('ILO');
      const page = await web.newPage('en-GB', { width: 320, height: 640 });
      await page.goto('/');
      await signIn(page, user.email);
      await page.getByRole('link', { name: body.code, exact: true }).first().waitFor();
      await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(320);
    },
    TIMEOUT_MS,
  );

  it(
    'says why a commitment is overdue, and shows the pending extension request and a declined one with its comment',
    async () => {
      const { codes } = await ilosWork();
      const user = await web.aFocalPoint('ILO');
      const page = await web.newPage();
      await page.goto('/');
      await signIn(page, user.email);
      const overdue = page.getByRole('list', { name: 'Overdue commitments' });
      const late = overdue.getByRole('listitem').filter({ has: page.getByRole('link', { name: codes.late, exact: true }) });
      // its due date has passed, and last year's report (deadline passed) is missing
      await late.getByText(/^Why: its due date, .+, has passed and the \d{4} report is missing\.$/).waitFor();
      const supported = overdue.getByRole('listitem').filter({ has: page.getByRole('link', { name: codes.supported, exact: true }) });
      await supported.getByText('Led by IOM').waitFor();

      const extensions = page.getByRole('region', { name: 'Extension requests' });
      const pending = extensions.getByRole('listitem').filter({ has: page.getByRole('link', { name: codes.late, exact: true }) });
      await pending.getByText('Waiting for a coordinator’s decision').waitFor();
      await pending.getByText('Reason given: The national survey results are published in March.').waitFor();
      const declined = extensions.getByRole('listitem').filter({ has: page.getByRole('link', { name: codes.declined, exact: true }) });
      await declined.getByText(/^Declined on /).waitFor();
      await declined.getByText('Coordinator’s comment: Please keep the plan; report what you have.').waitFor();

      // what ILO leads and supports, by status, each count a link to the catalogue filtered
      const leads = page.getByRole('list', { name: 'Commitments ILO leads, by status' });
      await expect(leads.getByRole('link', { name: /^Proposed: \d+$/ }).getAttribute('href')).resolves.toBe(
        '/commitments?lead=ILO&status=proposed',
      );
      const supports = page.getByRole('list', { name: 'Commitments ILO supports, by status' });
      await expect(supports.getByRole('link', { name: /^Proposed: \d+$/ }).getAttribute('href')).resolves.toBe(
        '/commitments?supporting=ILO&status=proposed',
      );
      await expectAccessible(page);

      // 320 CSS pixels wide: nothing scrolls sideways
      await page.setViewportSize({ width: 320, height: 640 });
      await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(320);
      await expectAccessible(page);
    },
    TIMEOUT_MS,
  );

  it(
    'a coordinator without an agency gets the cycle, the system’s overdue count and the way to the lists',
    async () => {
      await ilosWork();
      const user = await web.aUser('coordinator');
      const page = await web.newPage();
      await page.goto('/');
      await signIn(page, user.email);
      await page.getByRole('heading', { level: 1, name: `Welcome, ${user.name}` }).waitFor();
      await page.getByText(/^\d+ commitments? (is|are) overdue across the system\.$/).waitFor();
      await expect(page.getByRole('link', { name: 'See the overdue commitments' }).getAttribute('href')).resolves.toBe(
        '/commitments?overdue=true',
      );
      await expect(page.getByRole('link', { name: 'Browse all commitments' }).getAttribute('href')).resolves.toBe('/commitments');
      await expect(page.getByRole('button', { name: /^No change since the last report/ }).count()).resolves.toBe(0);
      await expectAccessible(page);
    },
    TIMEOUT_MS,
  );

  it(
    'the inbox: unread first, each linking to its page; marking read (one, then all) changes the header’s count',
    async () => {
      const { codes } = await ilosWork();
      const user = await web.aFocalPoint('ILO');
      await notices(user, [cycleNotice('call_for_inputs', { daysLeft: 0, count: 4 })]);
      await notices(user, [
        {
          kind: 'due_date_reminder',
          link: `/commitments/${codes.declined}`,
          model: {
            code: codes.declined,
            title: 'Train labour inspectors',
            agency: 'ILO',
            dueDate: day(60),
            daysLeft: 30,
            link: 'http://x/',
          },
        },
        { kind: 'summary_ready', link: `/annual-summaries/${YEAR - 1}`, model: { year: YEAR - 1, version: 2, link: 'http://x/' } },
      ]);
      // the oldest is already read
      await web.setup.db.query(`UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND kind = 'call_for_inputs'`, [user.id]);

      const page = await web.newPage();
      await page.goto('/');
      await signIn(page, user.email);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Inbox, 2 unread' }).waitFor();
      // the latest notices on the home page too, in words, linking to their pages
      const recent = page.getByRole('region', { name: 'Recent notices' });
      await expect(recent.getByRole('link', { name: /^.+ is due on .+, in 30 days$/ }).getAttribute('href')).resolves.toBe(
        `/commitments/${codes.declined}`,
      );

      await nav.getByRole('link', { name: 'Inbox, 2 unread' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
      await page.getByText('2 unread notices.').waitFor();
      const items = page.getByRole('list', { name: 'Notices' }).getByRole('listitem');
      await expect(items.count()).resolves.toBe(3);
      // unread first: the two unread, then the read call for inputs
      await items.nth(0).getByText('Unread', { exact: true }).waitFor();
      await items.nth(1).getByText('Unread', { exact: true }).waitFor();
      await items.nth(2).getByText(`The ${YEAR} reporting cycle is open: ILO owes 4 reports`).waitFor();
      await expect(items.nth(2).getByText('Unread', { exact: true }).count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name: /^Open the page: .+ is due on / }).getAttribute('href')).resolves.toBe(
        `/commitments/${codes.declined}`,
      );
      await expectAccessible(page);
      await screenshot(page, 'en-inbox');

      // one marked read: announced, and the header's count follows at once
      const summary = `The ${YEAR - 1} annual progress summary is ready (version 2)`;
      await page.getByRole('button', { name: `Mark as read: ${summary}` }).click();
      await page.getByRole('status').getByText(`Marked as read: ${summary}`).waitFor();
      await nav.getByRole('link', { name: 'Inbox, 1 unread' }).waitFor();
      const [{ read_at }] = await web.setup.db.query(
        `SELECT read_at FROM notifications WHERE recipient_id = $1 AND kind = 'summary_ready'`,
        [user.id],
      );
      expect(read_at).not.toBeNull();

      // all of them
      await page.getByRole('button', { name: 'Mark all as read' }).click();
      await page.getByRole('status').getByText('1 notice marked as read.').waitFor();
      await page.getByText('Everything is read.').waitFor();
      await nav.getByRole('link', { name: 'Inbox', exact: true }).waitFor();
      await expect(
        web.setup.db.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND read_at IS NULL`, [user.id]),
      ).resolves.toEqual([{ n: 0 }]);
      await expectAccessible(page);

      // the message as emailed is there too, and its links lead to the web app
      await items.nth(0).getByText('The message as emailed').click();
      await expect(items.nth(0).locator('[lang="en"]').textContent()).resolves.toMatch(/Dear /);
    },
    TIMEOUT_MS,
  );

  it(
    'in French: the home page and the inbox',
    async () => {
      const { codes } = await ilosWork();
      const user = await web.aFocalPoint('ILO');
      await notices(user, [
        {
          kind: 'due_date_overdue',
          link: `/commitments/${codes.late}`,
          model: { code: codes.late, title: 'Publish guidance', agency: 'ILO', dueDate: day(-10), daysLeft: 0, link: 'http://x/' },
        },
      ]);
      const page = await web.newPage('fr-FR');
      await page.goto('/');
      await signIn(page, user.email, { email: 'Adresse électronique', password: 'Mot de passe', submit: 'Se connecter' });
      await page.getByRole('heading', { level: 1, name: `Bienvenue, ${user.name}` }).waitFor();
      await page.getByRole('heading', { level: 2, name: `Rapports attendus pour ${YEAR}` }).waitFor();
      await showEverythingOwed(page, /^Afficher/);
      await expectAccessible(page);
      await screenshot(page, 'fr-home');
      await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Messages, 1 non lu' }).click();
      await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
      await page.getByText(/n’est pas achevé$/).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'fr-inbox');
    },
    TIMEOUT_MS,
  );

  it(
    'in Spanish the home page has no English string: every text is from the Spanish catalogue, or content',
    async () => {
      const { content } = await ilosWork();
      const user = await web.aFocalPoint('ILO');
      await notices(user, [cycleNotice('deadline_reminder', { daysLeft: 3, count: 2 })]);
      const page = await web.newPage('es-ES');
      await page.goto('/');
      await signIn(page, user.email, { email: 'Correo electrónico', password: 'Contraseña', submit: 'Iniciar sesión' });
      await page.getByRole('heading', { level: 2, name: `Informes pendientes de ${YEAR}` }).waitFor();
      await showEverythingOwed(page, /^Mostrar/);
      await page
        .getByRole('region', { name: 'Avisos recientes' })
        .getByText(/^Recordatorio: a 3 días/)
        .waitFor();
      await expectAccessible(page);
      await screenshot(page, 'es-home');

      // content and proper names: the commitments' codes and titles, agency codes, the user, the languages' own names
      const allowed = new Set([...content, user.name, user.email, 'ILO', 'IOM']);
      expect(await englishOn(page, 'es', allowed)).toEqual([]);

      // and the check can fail: the same page in English is full of it
      await page.getByRole('combobox', { name: 'Idioma' }).selectOption({ label: 'English' });
      await page.getByRole('heading', { level: 2, name: `Still to report for ${YEAR}` }).waitFor();
      expect((await englishOn(page, 'es', allowed)).length).toBeGreaterThan(10);
    },
    TIMEOUT_MS,
  );
});
