import { statSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { aCommitment, uniqueCode } from '../../helpers/factories.js';
import { eventually } from '../../helpers/smtp-sink.js';
import { emailField, expectAccessible, expectFocused, PASSWORD, screenshot, signIn, TIMEOUT_MS, useWebApp } from './harness.js';

/**
 * The commitment page `/commitments/$code` and its forms, as a focal point uses them: only the actions the API
 * offers, each form by keyboard alone, the API's refusals and conflicts in words, the past read only. Every step
 * is checked through the API afterwards (the test API on the same database), with axe on every screen state.
 */
const web = useWebApp();

interface Shown {
  id: string;
  code: string;
  version: number;
}

/** A commitment registered by a coordinator and moved along the lifecycle through the API. */
async function aCommitmentIn(moves: string[], overrides: Parameters<typeof aCommitment>[0] = {}): Promise<Shown> {
  const body = aCommitment({
    code: uniqueCode(overrides.leadAgency ?? 'ILO'),
    supportingAgencies: ['IOM'],
    dueDate: '2030-06-30',
    ...overrides,
  });
  const { id, code } = (await web.setup.http.post('/api/v1/commitments').send(body).expect(201)).body;
  let version = 1;
  for (const to of moves) {
    await web.setup.http
      .post(`/api/v1/commitments/${id}/transitions`)
      .set('If-Match', `"${version}"`)
      .send({ to, reason: 'As planned' })
      .expect(200);
    version += 1;
  }
  return { id, code, version };
}

const read = async (c: Shown) => (await web.setup.http.get(`/api/v1/commitments/${c.id}`).expect(200)).body;
const reportsOf = async (c: Shown) => (await web.setup.http.get(`/api/v1/commitments/${c.id}/progress-reports`).expect(200)).body.periods;
const historyOf = async (c: Shown) => (await web.setup.http.get(`/api/v1/commitments/${c.id}/history`).expect(200)).body.items;

/** Presses Tab until `target` has the focus (keyboard only), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)) return;
  }
  throw new Error(`${String(target)} never took the focus in ${max} tabs`);
}

/**
 * Types a date into the focused date field, digit by digit as a person does. Chromium orders the field's parts
 * by its own interface language (month first here, whatever the page's language); the value is checked after.
 */
async function typeDate(page: Page, field: Locator, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.keyboard.type(`${month}${day}${year}`, { delay: 30 });
  await expect(field.inputValue()).resolves.toBe(iso);
}

/** Signs in from the sign-in page with the keyboard alone. */
async function signInWithKeyboard(page: Page, email: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await tabTo(page, emailField(page));
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
}

/** The day as an en-GB reader's browser writes it ("30 June 2030"). */
const longDay = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));
const today = () => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date());

describe('The commitment page', () => {
  it(
    'a focal point of ILO, by keyboard alone: reports progress with an indicator and a link, confirms no change, submits for review, asks for an extension',
    async () => {
      const focal = await web.aFocalPoint('ILO');
      const working = await aCommitmentIn(['accepted', 'in_progress'], { agendaItems: [2, 6], sdgTargets: ['10.7', '8.8'] });
      const quiet = await aCommitmentIn(['accepted']);
      const page = await web.newPage();

      // a link opened signed out: sign in, and back to the commitment
      await page.goto(`/commitments/${working.code}`);
      await signInWithKeyboard(page, focal.email);
      const title = page.getByRole('heading', { level: 1, name: `${working.code}: Reduce the costs of labour migration` });
      await title.waitFor();
      await expect(page.getByText('In progress: the lead agency is carrying it out.').isVisible()).resolves.toBe(true);
      await expect(page.getByText('Due on 30 June 2030.').isVisible()).resolves.toBe(true);
      await expect(page.getByText('International Labour Organization (ILO)').isVisible()).resolves.toBe(true);
      await expect(page.getByText('International Organization for Migration (IOM)').isVisible()).resolves.toBe(true);
      await expect(page.getByText('2. Reduce the costs of labour migration').isVisible()).resolves.toBe(true);
      await expect(page.getByText('6. Integrate migration into the development agenda').isVisible()).resolves.toBe(true);
      await expect(page.getByText('10.7 and 8.8').isVisible()).resolves.toBe(true);
      // only what a focal point of the lead agency may do now: no "Discontinue", no "Validate completion"
      const actions = page.getByRole('region', { name: 'What you can do' });
      await expect(actions.getByRole('button').allTextContents()).resolves.toEqual([
        'Report progress',
        'No change since the last report',
        'Submit for review',
        'Ask for an extension',
      ]);
      await expect(page.getByText('No progress has been reported on this commitment yet.').isVisible()).resolves.toBe(true);
      await expectAccessible(page);
      await screenshot(page, 'en-commitment');

      // report progress, by keyboard: the dialog takes the focus; a link, then an indicator row added and filled
      await tabTo(page, actions.getByRole('button', { name: 'Report progress' }));
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: `Report progress on ${working.code}` });
      await dialog.waitFor();
      expect(new URL(page.url()).searchParams.get('act')).toBe('report');
      await expectFocused(dialog);
      const period = await dialog.getByRole('combobox', { name: 'Reporting year' }).inputValue();
      await tabTo(page, dialog.getByRole('textbox', { name: 'What was done' }));
      await page.keyboard.type('Trained 40 labour inspectors on fair recruitment in three countries.');
      await tabTo(page, dialog.getByRole('textbox', { name: 'Link 1' }));
      await page.keyboard.type('https://www.ilo.org/fair-recruitment-2014');
      await tabTo(page, dialog.getByRole('button', { name: 'Add an indicator' }));
      await page.keyboard.press('Enter');
      // the new row's first field has the focus
      await expectFocused(dialog.getByRole('group', { name: 'Indicator 1' }).getByRole('textbox', { name: 'Name' }));
      await page.keyboard.type('labour inspectors trained');
      await page.keyboard.press('Tab');
      await page.keyboard.type('40');
      await page.keyboard.press('Tab');
      await page.keyboard.type('people');
      await page.keyboard.press('Tab');
      await typeDate(page, dialog.getByRole('group', { name: 'Indicator 1' }).getByLabel('As of (optional)'), '2014-12-31');
      await expectAccessible(page);
      await screenshot(page, 'en-report-progress');
      await tabTo(page, dialog.getByRole('button', { name: 'Send the report' }));
      await page.keyboard.press('Enter');

      // received: said in the live region, which takes the focus; the page shows the report and its history line
      const received = page.getByRole('status').getByText(`Received: your progress report for ${period} on ${working.code}.`);
      await received.waitFor();
      await eventually(async () =>
        expect(await received.evaluate((el) => el.closest('[tabindex="-1"]') === el.ownerDocument.activeElement)).toBe(true),
      );
      await expect(dialog.count()).resolves.toBe(0);
      expect(new URL(page.url()).searchParams.get('act')).toBeNull();
      const reports = page.getByRole('region', { name: 'Progress reports' });
      await reports.getByRole('heading', { name: `${period}: 1 report` }).waitFor();
      await expect(reports.getByRole('link', { name: 'https://www.ilo.org/fair-recruitment-2014' }).isVisible()).resolves.toBe(true);
      await expect(reports.getByRole('table', { name: 'Indicator' }).getByRole('row').allInnerTexts()).resolves.toEqual([
        expect.stringMatching(/^Indicator\s+Value\s+Unit\s+As of$/),
        expect.stringMatching(/^labour inspectors trained\s+40\s+people\s+31 December 2014$/),
      ]);
      await expect(reports.getByText(`Reported by you on ${today()}.`).isVisible()).resolves.toBe(true);
      await page.getByText(`Progress for ${period} reported for ILO by you on ${today()}.`).waitFor();
      await expectAccessible(page);
      const [[reported]] = (await reportsOf(working)).map((p: { reports: unknown[] }) => p.reports);
      expect(reported).toMatchObject({
        period: Number(period),
        agency: 'ILO',
        kind: 'report',
        summary: 'Trained 40 labour inspectors on fair recruitment in three countries.',
        evidenceUrls: ['https://www.ilo.org/fair-recruitment-2014'],
        indicators: [{ name: 'labour inspectors trained', value: 40, unit: 'people', asOf: '2014-12-31' }],
        reportedBy: { id: focal.id, role: 'focal_point', agency: 'ILO' },
      });

      // no change on another commitment, from a link that opens the form directly (the home page's one click)
      await page.goto(`/commitments/${quiet.code}?act=no-change`);
      const noChange = page.getByRole('dialog', { name: `No change on ${quiet.code} since the last report` });
      await noChange.waitFor();
      await expectFocused(noChange);
      await expectAccessible(page);
      await tabTo(page, noChange.getByRole('button', { name: 'Confirm no change' }));
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText(`Received: no change on ${quiet.code} for ${period}.`).waitFor();
      expect((await reportsOf(quiet))[0].reports[0]).toMatchObject({ period: Number(period), agency: 'ILO', kind: 'no_change' });

      // submit the first one for review, with a comment
      await page.goto(`/commitments/${working.code}`);
      await title.waitFor();
      await tabTo(page, page.getByRole('button', { name: 'Submit for review' }));
      await page.keyboard.press('Enter');
      const submit = page.getByRole('dialog', { name: `Submit ${working.code} for review` });
      await submit.waitFor();
      await expect(submit.getByText(`${working.code} will move from “In progress” to “Under review”.`).isVisible()).resolves.toBe(true);
      await expectFocused(submit.getByRole('textbox', { name: 'Comment (optional)' }));
      await page.keyboard.type('All three countries done.');
      await expectAccessible(page);
      await tabTo(page, submit.getByRole('button', { name: 'Submit for review' }));
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText(`Done: ${working.code} is now “Under review”.`).waitFor();
      await page.getByText(`Submitted for review by you on ${today()}: All three countries done.`).waitFor();
      expect(await read(working)).toMatchObject({ status: 'under_review', version: working.version + 2 });

      // ask for an extension: a date before the current due date is the API's refusal, said next to the date
      await expect(actions.getByRole('button').allTextContents()).resolves.toEqual([
        'Report progress',
        'No change since the last report',
        'Ask for an extension',
      ]);
      await tabTo(page, actions.getByRole('button', { name: 'Ask for an extension' }));
      await page.keyboard.press('Enter');
      const extension = page.getByRole('dialog', { name: `Ask for an extension of ${working.code}` });
      await extension.waitFor();
      const newDate = extension.getByLabel('New due date');
      await expectFocused(newDate);
      await typeDate(page, newDate, '2030-01-01');
      await tabTo(page, extension.getByRole('textbox', { name: 'Reason' }));
      await page.keyboard.type('The 2015 survey data arrive in September.');
      await tabTo(page, extension.getByRole('button', { name: 'Ask for the extension' }));
      await page.keyboard.press('Enter');
      const tooEarly = extension.getByText(`Choose a date after the current due date (${longDay('2030-06-30')}).`);
      await tooEarly.waitFor();
      await expect(newDate.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(newDate.getAttribute('aria-describedby')).resolves.toContain(await tooEarly.getAttribute('id'));
      await expectFocused(newDate);
      await expectAccessible(page);
      expect((await read(working)).pendingExtension).toBeNull();
      await typeDate(page, newDate, '2030-12-31');
      await tabTo(page, extension.getByRole('button', { name: 'Ask for the extension' }));
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .getByText(`Sent: your request to move the due date of ${working.code} to ${longDay('2030-12-31')}. A coordinator will decide.`)
        .waitFor();
      await page
        .getByText(`An extension to ${longDay('2030-12-31')} has been asked for and waits for a coordinator’s decision.`, { exact: false })
        .waitFor();
      expect((await read(working)).pendingExtension).toMatchObject({
        dueDate: '2030-12-31',
        reason: 'The 2015 survey data arrive in September.',
      });
      await expectAccessible(page);
    },
    TIMEOUT_MS * 3,
  );

  it(
    "offers nothing on another agency's commitment, and says the API's refusal in words when a form is sent anyway",
    async () => {
      const focal = await web.aFocalPoint('ILO');
      const iomLed = await aCommitmentIn(['accepted', 'in_progress'], { leadAgency: 'IOM', supportingAgencies: ['UNHCR'] });
      const page = await web.newPage();
      await page.goto(`/commitments/${iomLed.code}`);
      await signIn(page, focal.email);
      await page.getByRole('heading', { level: 1, name: `${iomLed.code}: Reduce the costs of labour migration` }).waitFor();
      await page.getByRole('region', { name: 'History' }).waitFor();
      await expect(page.getByRole('region', { name: 'What you can do' }).count()).resolves.toBe(0);
      await expect(page.getByRole('main').getByRole('button').allTextContents()).resolves.toEqual(['Show']);
      await expectAccessible(page);

      // a link to a form this user cannot use: said, not opened
      await page.goto(`/commitments/${iomLed.code}?act=report`);
      await page.getByText('The form this link opens is not available to you on this commitment now.', { exact: false }).waitFor();
      await expect(page.getByRole('dialog').count()).resolves.toBe(0);

      // the page made to send one anyway, with the session cookie and the CSRF header: the API refuses it, in words
      const refused = await page.evaluate(async (id) => {
        const res = await fetch(`/api/v1/commitments/${id}/transitions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-requested-with': 'hld-web', 'if-match': '"3"' },
          body: JSON.stringify({ to: 'under_review' }),
        });
        return { status: res.status, body: (await res.json()) as { code: string; detail: string } };
      }, iomLed.id);
      expect(refused).toMatchObject({ status: 403, body: { code: 'NOT_ALLOWED' } });
      expect(refused.body.detail).toMatch(/may not submit for review on .*: a focal point acts only on commitments its agency leads/);
      expect(await read(iomLed)).toMatchObject({ status: 'in_progress', version: iomLed.version });

      // a form open while the commitment becomes IOM's alone: its submission is refused, and the page says so
      const wasOurs = await aCommitmentIn(['accepted', 'in_progress']);
      await page.goto(`/commitments/${wasOurs.code}?act=report`);
      const dialog = page.getByRole('dialog', { name: `Report progress on ${wasOurs.code}` });
      await dialog.waitFor();
      await dialog.getByRole('textbox', { name: 'What was done' }).fill('Drafted guidance.');
      await web.setup.http
        .put(`/api/v1/commitments/${wasOurs.id}/owners`)
        .set('If-Match', `"${wasOurs.version}"`)
        .send({ lead: 'IOM', supporting: ['UNHCR'] })
        .expect(200);
      await dialog.getByRole('button', { name: 'Send the report' }).click();
      const refusal = dialog.getByRole('alert');
      await refusal
        .getByText(
          `Your account may not report on ${wasOurs.code}: only the agencies that lead or support it report on it, and coordinators on their behalf.`,
          { exact: false },
        )
        .waitFor();
      await expectFocused(refusal);
      // what the user typed is still there
      await expect(dialog.getByRole('textbox', { name: 'What was done' }).inputValue()).resolves.toBe('Drafted guidance.');
      await expectAccessible(page);
      expect(await reportsOf(wasOurs)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(dialog.count()).resolves.toBe(0);
      await page.getByText('International Organization for Migration (IOM)').first().waitFor();
      await expect(page.getByRole('region', { name: 'What you can do' }).count()).resolves.toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    'a coordinator: every move the lifecycle allows, a reason where the API needs one, reports on behalf of an agency',
    async () => {
      const coordinator = await web.aUser('coordinator');
      const reviewed = await aCommitmentIn(['accepted', 'in_progress', 'under_review']);
      const page = await web.newPage();
      await page.goto(`/commitments/${reviewed.code}`);
      await signIn(page, coordinator.email);
      const actions = page.getByRole('region', { name: 'What you can do' });
      await actions.waitFor();
      await expect(actions.getByRole('button').allTextContents()).resolves.toEqual([
        'Report progress',
        'No change since the last report',
        'Validate completion',
        'Return for more work',
        'Discontinue',
        'Ask for an extension',
      ]);

      // a report with no text: said next to the field, which takes the focus; for an agency the coordinator names
      await actions.getByRole('button', { name: 'Report progress' }).click();
      const report = page.getByRole('dialog', { name: `Report progress on ${reviewed.code}` });
      await report.getByRole('combobox', { name: 'Reporting for' }).selectOption('IOM');
      await report.getByRole('combobox', { name: 'Reporting year' }).selectOption('2014');
      await report.getByRole('button', { name: 'Send the report' }).click();
      const summary = report.getByRole('textbox', { name: 'What was done' });
      await report.getByText('Describe what was done.').waitFor();
      await expect(summary.getAttribute('aria-invalid')).resolves.toBe('true');
      await expectFocused(summary);
      await expectAccessible(page);
      await summary.fill('IOM trained consular staff, as its focal point told the coordinators.');
      await report.getByRole('button', { name: 'Send the report' }).click();
      await page.getByRole('status').getByText(`Received: your progress report for 2014 on ${reviewed.code}.`).waitFor();
      expect((await reportsOf(reviewed))[0].reports[0]).toMatchObject({ period: 2014, agency: 'IOM', reportedBy: { role: 'coordinator' } });

      // returning for more work needs a reason: refused without one, in words, then done
      await actions.getByRole('button', { name: 'Return for more work' }).click();
      const back = page.getByRole('dialog', { name: `Return ${reviewed.code} for more work` });
      await back.getByRole('button', { name: 'Return for more work' }).click();
      const reason = back.getByRole('textbox', { name: 'Reason' });
      await back.getByText('Give a reason: this change needs one.').waitFor();
      await expectFocused(reason);
      await reason.fill('evidence missing');
      await back.getByRole('button', { name: 'Return for more work' }).click();
      await page.getByRole('status').getByText(`Done: ${reviewed.code} is now “In progress”.`).waitFor();
      await page.getByText(`Returned for more work by you on ${today()}: evidence missing`).waitFor();
      expect(await read(reviewed)).toMatchObject({ status: 'in_progress' });

      // discontinuing asks why; superseded asks by what
      await actions.getByRole('button', { name: 'Discontinue' }).click();
      const stop = page.getByRole('dialog', { name: `Discontinue ${reviewed.code}` });
      await stop.getByRole('textbox', { name: 'Reason' }).fill('Taken over by the 2030 Agenda.');
      await stop.getByRole('button', { name: 'Discontinue' }).click();
      await stop.getByText('Choose why it is discontinued.').waitFor();
      await stop.getByRole('radio', { name: 'Superseded by something else' }).check();
      await stop.getByRole('button', { name: 'Discontinue' }).click();
      await stop.getByText('Say what superseded it.').waitFor();
      await stop.getByRole('textbox', { name: 'Superseded by' }).fill('SDG target 10.7');
      await expectAccessible(page);
      await stop.getByRole('button', { name: 'Discontinue' }).click();
      await page.getByRole('status').getByText(`Done: ${reviewed.code} is now “Discontinued”.`).waitFor();
      await page.getByText(`Discontinued by you on ${today()}: Taken over by the 2030 Agenda. (Superseded by SDG target 10.7.)`).waitFor();
      expect((await historyOf(reviewed)).at(-1).payload).toMatchObject({
        to: 'discontinued',
        category: 'superseded',
        supersededBy: 'SDG target 10.7',
        reason: 'Taken over by the 2030 Agenda.',
      });
      await expect(actions.getByRole('button').allTextContents()).resolves.toEqual([
        'Report progress',
        'No change since the last report',
        'Reopen',
      ]);
      await expectAccessible(page);
    },
    TIMEOUT_MS,
  );

  it(
    'two people on one commitment: the second is told who changed what since, and reloads and reapplies what they typed',
    async () => {
      const first = await web.aFocalPoint('ILO');
      const second = await web.aFocalPoint('ILO');
      const shared = await aCommitmentIn(['accepted', 'in_progress']);
      const [one, two] = [await web.newPage(), await web.newPage()];
      for (const [page, user] of [
        [one, first],
        [two, second],
      ] as const) {
        await page.goto(`/commitments/${shared.code}`);
        await signIn(page, user.email);
        await page.getByRole('heading', { level: 1, name: `${shared.code}: Reduce the costs of labour migration` }).waitFor();
      }

      // the second opens "Submit for review" and types a comment; meanwhile the first reports progress
      await two.getByRole('button', { name: 'Submit for review' }).click();
      const dialog = two.getByRole('dialog', { name: `Submit ${shared.code} for review` });
      await dialog.getByRole('textbox', { name: 'Comment (optional)' }).fill('Evidence attached to the 2014 report.');
      await one.getByRole('button', { name: 'No change since the last report' }).click();
      await one.getByRole('dialog').getByRole('button', { name: 'Confirm no change' }).click();
      await one.getByRole('status').getByText('Received: no change', { exact: false }).waitFor();
      const period = (await reportsOf(shared))[0].period;

      // the second sends on the version it saw: the API answers 409, and the page says who changed what since
      await dialog.getByRole('button', { name: 'Submit for review' }).click();
      const conflict = dialog.getByRole('alert');
      await conflict.getByText('Someone else changed this commitment').waitFor();
      await conflict
        .getByText(`No change since the last report confirmed for ${period} for ILO by a focal point of ILO on ${today()}.`)
        .waitFor();
      await expectFocused(conflict);
      await expect(dialog.getByRole('textbox', { name: 'Comment (optional)' }).inputValue()).resolves.toBe(
        'Evidence attached to the 2014 report.',
      );
      await expectAccessible(two);
      await screenshot(two, 'en-commitment-conflict');
      expect(await read(shared)).toMatchObject({ status: 'in_progress', version: shared.version + 1 });

      await conflict.getByRole('button', { name: 'Reload and reapply' }).click();
      await two.getByRole('status').getByText(`Done: ${shared.code} is now “Under review”.`).waitFor();
      expect(await read(shared)).toMatchObject({ status: 'under_review', version: shared.version + 2 });
      const moved = (await historyOf(shared)).at(-1);
      expect(moved).toMatchObject({
        type: 'CommitmentStatusChanged',
        actor: { id: second.id },
        payload: { from: 'in_progress', to: 'under_review', reason: 'Evidence attached to the 2014 report.' },
      });

      // the first, still on the old version, tries the same move: after reloading it is no longer possible
      await one.getByRole('button', { name: 'Submit for review' }).click();
      const late = one.getByRole('dialog', { name: `Submit ${shared.code} for review` });
      await late.getByRole('button', { name: 'Submit for review' }).click();
      await late
        .getByRole('alert')
        .getByText(`Submitted for review by a focal point of ILO on ${today()}: Evidence attached to the 2014 report.`)
        .waitFor();
      await late.getByRole('button', { name: 'Reload and reapply' }).click();
      await late.getByText('This change is no longer possible: the commitment is now “Under review”.', { exact: false }).waitFor();
      await expectAccessible(one);
      expect(await read(shared)).toMatchObject({ version: shared.version + 2 });
    },
    TIMEOUT_MS,
  );

  it(
    'shows a past state read only, in French too, with the history in sentences; and says when it did not exist yet',
    async () => {
      const clock = web.setup.clock;
      let past: Shown;
      try {
        clock.set('2015-03-01T12:00:00Z');
        past = await aCommitmentIn([], { dueDate: '2015-12-31' });
        clock.set('2015-03-02T12:00:00Z');
        for (const [version, to] of [
          [1, 'accepted'],
          [2, 'in_progress'],
          [3, 'under_review'],
        ] as const)
          await web.setup.http.post(`/api/v1/commitments/${past.id}/transitions`).set('If-Match', `"${version}"`).send({ to }).expect(200);
        clock.set('2015-03-03T12:00:00Z');
        await web.setup.http
          .post(`/api/v1/commitments/${past.id}/transitions`)
          .set('If-Match', '"4"')
          .send({ to: 'in_progress', reason: 'evidence missing' })
          .expect(200);
      } finally {
        clock.set(new Date());
      }
      const focal = await web.aFocalPoint('ILO');
      const page = await web.newPage();
      await page.goto(`/commitments/${past.code}`);
      await signIn(page, focal.email);
      await page.getByText('Returned for more work by the coordinator on 3 March 2015: evidence missing').waitFor();
      await expect(page.getByText('Registered by the coordinator on 1 March 2015.').isVisible()).resolves.toBe(true);
      await expect(page.getByText('Overdue: the due date has passed.').isVisible()).resolves.toBe(true);

      // as it stood at the end of 2 March 2015: under review, nothing to do, the later history left out
      await tabTo(page, page.getByLabel('As it stood on'));
      await typeDate(page, page.getByLabel('As it stood on'), '2015-03-02');
      await tabTo(page, page.getByRole('button', { name: 'Show' }));
      await page.keyboard.press('Enter');
      await page.getByText('As it stood at the end of 2 March 2015', { exact: true }).waitFor();
      expect(new URL(page.url()).searchParams.get('asOf')).toBe('2015-03-02');
      await expect(
        page.getByText('This is a past state, shown for reading only: nothing can be changed from here.').isVisible(),
      ).resolves.toBe(true);
      await page.getByText('Under review: the lead agency reports it done; a coordinator checks it.').waitFor();
      await expect(page.getByRole('region', { name: 'What you can do' }).count()).resolves.toBe(0);
      await expect(page.getByText('Returned for more work', { exact: false }).count()).resolves.toBe(0);
      await expect(page.getByText('4 events, the latest first.').isVisible()).resolves.toBe(true);
      await expectAccessible(page);

      // before it was registered: said in words
      await page.goto(`/commitments/${past.code}?asOf=2015-02-01`);
      await page.getByText(`${past.code} was not yet registered on 1 February 2015.`).waitFor();
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Back to the commitment as it is now' }).click();
      await page.getByText('In progress: the lead agency is carrying it out.').waitFor();
      expect(new URL(page.url()).search).toBe('');

      // the same page for a French-speaking focal point
      const french = await web.newPage('fr-FR');
      await french.goto(`/commitments/${past.code}`);
      await signIn(french, focal.email, { email: 'Adresse électronique', password: 'Mot de passe', submit: 'Se connecter' });
      await french.getByRole('heading', { level: 1, name: `${past.code} : Reduce the costs of labour migration` }).waitFor();
      await french.getByText('Renvoyé pour complément par le coordinateur le 3 mars 2015 : evidence missing').waitFor();
      await expect(french.getByText('En cours : l’organisme chef de file le met en œuvre.').isVisible()).resolves.toBe(true);
      // the eight points' titles are the interface's, in French; the commitment's own title stays as written
      await expect(french.getByText('2. Réduire le coût des migrations de main-d’œuvre', { exact: true }).isVisible()).resolves.toBe(true);
      await expect(french.getByRole('region', { name: 'Ce que vous pouvez faire' }).getByRole('button').allTextContents()).resolves.toEqual(
        ['Rendre compte des progrès', 'Aucun changement depuis le dernier rapport', 'Soumettre pour examen', 'Demander une prolongation'],
      );
      await expectAccessible(french);
      await screenshot(french, 'fr-commitment');
    },
    TIMEOUT_MS,
  );

  it(
    'works at 320 CSS pixels and at 200 % zoom: nothing scrolls sideways, the form fills the screen',
    async () => {
      const focal = await web.aFocalPoint('ILO');
      const c = await aCommitmentIn(['accepted', 'in_progress']);
      await web.setup.http
        .post(`/api/v1/commitments/${c.id}/progress-reports`)
        .send({
          period: 2014,
          agency: 'ILO',
          summary: 'A long report on fair recruitment, with evidence and figures.',
          evidenceUrls: ['https://www.ilo.org/global/topics/fair-recruitment/WCMS_536755/lang--en/index.htm'],
          indicators: [{ name: 'countries with a national action plan', value: 12, unit: 'countries', asOf: '2014-12-31' }],
        })
        .expect(201);
      // 1280 px at 200 % zoom is a 640 CSS pixel viewport
      for (const viewport of [
        { width: 320, height: 640 },
        { width: 640, height: 400 },
      ]) {
        const page = await web.newPage('en-GB', viewport);
        await page.goto(`/commitments/${c.code}?act=report`);
        await signIn(page, focal.email);
        const dialog = page.getByRole('dialog', { name: `Report progress on ${c.code}` });
        await dialog.waitFor();
        await dialog.getByRole('button', { name: 'Add an indicator' }).click();
        await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(viewport.width);
        await expectAccessible(page);
        if (viewport.width === 320) await screenshot(page, 'en-report-progress-320');
        await page.keyboard.press('Escape');
        await page.getByRole('region', { name: 'Progress reports' }).waitFor();
        await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(viewport.width);
        await expectAccessible(page);
        if (viewport.width === 320) await screenshot(page, 'en-commitment-320');
      }
    },
    TIMEOUT_MS,
  );

  it(
    'is a chunk of its own: sign-in and home load at most 200 KB of gzipped JavaScript, none of it the commitment page',
    async () => {
      const focal = await web.aFocalPoint('ILO');
      const page = await web.newPage();
      const scripts = new Set<string>();
      page.on('response', (response) => {
        const path = new URL(response.url()).pathname;
        if (path.startsWith('/assets/') && path.endsWith('.js')) scripts.add(path.slice('/assets/'.length));
      });
      await page.goto('/');
      await signIn(page, focal.email);
      await page.getByRole('heading', { level: 1, name: `Welcome, ${focal.name}` }).waitFor();
      await page.waitForLoadState('networkidle');
      const gzipped = [...scripts].reduce((sum, file) => sum + statSync(`dist/web/assets/${file}.gz`).size, 0);
      expect(gzipped).toBeLessThanOrEqual(200 * 1024);
      expect([...scripts].filter((file) => file.startsWith('commitment-page-'))).toEqual([]);

      const c = await aCommitmentIn([]);
      await page.goto(`/commitments/${c.code}`);
      await page.getByRole('heading', { level: 1, name: `${c.code}: Reduce the costs of labour migration` }).waitFor();
      expect([...scripts].some((file) => file.startsWith('commitment-page-'))).toBe(true);
    },
    TIMEOUT_MS,
  );
});
