import { randomUUID } from 'node:crypto';
import { aCommitment, aFreshAgency } from '../helpers/factories.js';
import { startTestApi, type SignedIn, type TestApi } from '../helpers/test-api.js';

/**
 * `GET /me/agenda`: what the signed-in principal's agency has to do now, in one answer (the home page's data);
 * and the inbox's "mark all read". The 2047 cycle is this file's alone (cycles are global, one per year).
 */
describe('My agenda and my inbox', () => {
  const YEAR = 2047;
  let api: TestApi;
  let agency: string;
  let other: string;
  let focal: SignedIn;
  const codes: Record<string, string> = {};

  const register = async (name: string, overrides: Parameters<typeof aCommitment>[0]) => {
    codes[name] = (await api.http.post('/api/v1/commitments').send(aCommitment(overrides)).expect(201)).body.code;
  };
  const agenda = async (who: SignedIn = focal) => (await who.http.get('/api/v1/me/agenda').expect(200)).body;

  beforeAll(async () => {
    api = await startTestApi();
    [agency, other] = [await aFreshAgency(api.db), await aFreshAgency(api.db)];
    focal = await api.signIn('focal_point', agency);
    api.clock.set(`${YEAR}-10-01T12:00:00Z`);
    await register('a', { leadAgency: agency, supportingAgencies: [] });
    await register('b', { leadAgency: agency, supportingAgencies: [] });
    await register('done', { leadAgency: agency, supportingAgencies: [] });
    await register('late', { leadAgency: agency, supportingAgencies: [], dueDate: `${YEAR}-11-15` });
    await register('supported', { leadAgency: other, supportingAgencies: [agency] });
    for (const to of ['in_progress', 'under_review', 'completed']) {
      const { version } = (await api.http.get(`/api/v1/commitments/${codes.done}`).expect(200)).body;
      await api.http.post(`/api/v1/commitments/${codes.done}/transitions`).set('If-Match', `"${version}"`).send({ to }).expect(200);
    }
    await api.http
      .post('/api/v1/reporting-cycles')
      .send({ year: YEAR, opensAt: `${YEAR}-11-01`, deadline: `${YEAR + 1}-01-15` })
      .expect(201);
    api.clock.set(`${YEAR}-12-01T12:00:00Z`);
  });
  afterAll(() => api.close());

  it('says what the agency owes for the current cycle, what it leads and supports, and what is overdue and why', async () => {
    const mine = await agenda();
    expect(mine.agency).toBe(agency);
    expect(mine.cycle).toEqual({
      year: YEAR,
      opensAt: `${YEAR}-11-01T04:00:00.000Z`,
      deadline: `${YEAR + 1}-01-16T04:59:59.999Z`,
      timeZone: 'America/New_York',
    });
    // the completed one owes nothing, the one led by another agency neither
    expect(mine.owed.total).toBe(3);
    expect(mine.owed.items.map((c: { code: string }) => c.code)).toEqual([codes.a, codes.b, codes.late].sort());
    expect(mine.owed.items.find((c: { code: string }) => c.code === codes.late)).toMatchObject({
      status: 'proposed',
      version: 1,
      dueDate: `${YEAR}-11-15`,
      lastReportPeriod: null,
    });
    expect(mine.lead).toEqual({ proposed: 3, accepted: 0, in_progress: 0, under_review: 0, completed: 1, discontinued: 0 });
    expect(mine.supported).toEqual({ proposed: 1, accepted: 0, in_progress: 0, under_review: 0, completed: 0, discontinued: 0 });
    // before this cycle's deadline only a passed due date makes one overdue for it; another file's cycle, long past
    // (cycles are global), makes every open commitment without a report for its year overdue as well
    const { reportYear, ...overdue } = mine.overdue;
    expect(reportYear).not.toBe(YEAR);
    type Item = { code: string; overdueReasons: string[] };
    expect(overdue.items.filter((c: Item) => c.overdueReasons.includes('due_date_passed'))).toEqual([
      {
        code: codes.late,
        title: expect.any(String),
        leadAgency: agency,
        status: 'proposed',
        dueDate: `${YEAR}-11-15`,
        overdueReasons: reportYear === null ? ['due_date_passed'] : ['due_date_passed', 'report_missing'],
      },
    ]);
    const expected = reportYear === null ? [codes.late] : [codes.a, codes.b, codes.late, codes.supported].sort();
    expect(overdue.items.map((c: Item) => c.code)).toEqual(expected);
    expect(overdue.total).toBe(expected.length);
    expect(mine.extensionRequests).toEqual([]);
  });

  it('drops what the agency has reported on, a "no change" included', async () => {
    await focal.http.post(`/api/v1/commitments/${codes.a}/progress-reports`).send({ period: YEAR, kind: 'no_change' }).expect(201);
    // a report for another year does not count for this one
    await focal.http
      .post(`/api/v1/commitments/${codes.b}/progress-reports`)
      .send({ period: YEAR - 1, summary: 'Last year.' })
      .expect(201);
    const mine = await agenda();
    expect(mine.owed.items.map((c: { code: string }) => c.code)).toEqual([codes.b, codes.late].sort());
    expect(mine.owed.total).toBe(2);
  });

  it('lists the extension requests, pending first, with the outcome and the coordinator’s comment once decided', async () => {
    const requested = await focal.http
      .post(`/api/v1/commitments/${codes.late}/extension-requests`)
      .send({ dueDate: `${YEAR + 1}-03-31`, reason: 'The survey data arrive in February.' })
      .expect(201);
    const first = requested.body.pendingExtension.requestId;
    expect((await agenda()).extensionRequests).toEqual([
      {
        requestId: first,
        code: codes.late,
        title: expect.any(String),
        dueDate: `${YEAR + 1}-03-31`,
        reason: 'The survey data arrive in February.',
        requestedAt: `${YEAR}-12-01T12:00:00.000Z`,
        outcome: 'pending',
        decidedAt: null,
        comment: null,
        previousDueDate: null,
      },
    ]);
    api.clock.set(`${YEAR}-12-02T12:00:00Z`);
    await api.http
      .post(`/api/v1/commitments/${codes.late}/extension-requests/${first}/decision`)
      .send({ decision: 'decline', comment: 'Report what you have by the deadline.' })
      .expect(200);
    api.clock.set(`${YEAR}-12-03T12:00:00Z`);
    const second = (
      await focal.http
        .post(`/api/v1/commitments/${codes.late}/extension-requests`)
        .send({ dueDate: `${YEAR + 1}-01-31`, reason: 'Two more weeks.' })
        .expect(201)
    ).body.pendingExtension.requestId;
    let requests = (await agenda()).extensionRequests;
    expect(requests.map((r: { requestId: string; outcome: string }) => [r.requestId, r.outcome])).toEqual([
      [second, 'pending'],
      [first, 'declined'],
    ]);
    expect(requests[1]).toMatchObject({ decidedAt: `${YEAR}-12-02T12:00:00.000Z`, comment: 'Report what you have by the deadline.' });
    await api.http
      .post(`/api/v1/commitments/${codes.late}/extension-requests/${second}/decision`)
      .send({ decision: 'approve' })
      .expect(200);
    requests = (await agenda()).extensionRequests;
    expect(requests[0]).toMatchObject({ requestId: second, outcome: 'approved', previousDueDate: `${YEAR}-11-15`, comment: null });
    // approved: the new due date has not passed, so it is no longer overdue for that reason
    const after = (await agenda()).overdue.items.filter((c: { overdueReasons: string[] }) => c.overdueReasons.includes('due_date_passed'));
    expect(after).toEqual([]);
  });

  it('after the deadline, a missing report makes a commitment overdue, with that reason', async () => {
    api.clock.set(`${YEAR + 1}-02-01T12:00:00Z`);
    const mine = await agenda();
    expect(mine.cycle.year).toBe(YEAR); // the deadline has passed, the reports are still owed (late)
    expect(mine.overdue.reportYear).toBe(YEAR);
    // the one it supports too: its lead agency has not reported; the one it confirmed "no change" on is not overdue
    const expected = [
      { code: codes.b, overdueReasons: ['report_missing'] },
      { code: codes.supported, overdueReasons: ['report_missing'] },
      { code: codes.late, overdueReasons: ['due_date_passed', 'report_missing'] },
    ].sort((x, y) => (x.code < y.code ? -1 : 1));
    expect(
      mine.overdue.items.map(({ code, overdueReasons }: { code: string; overdueReasons: string[] }) => ({ code, overdueReasons })),
    ).toEqual(expected);
  });

  it('without an agency: no obligations of its own, the whole system’s overdue work', async () => {
    const viewer = await api.signIn('viewer');
    const theirs = await agenda(viewer);
    expect(theirs).toMatchObject({ agency: null, owed: { total: 0, items: [] }, extensionRequests: [] });
    expect(theirs.lead).toEqual({ proposed: 0, accepted: 0, in_progress: 0, under_review: 0, completed: 0, discontinued: 0 });
    expect(theirs.overdue.total).toBeGreaterThanOrEqual(2);
    expect(theirs.overdue.items.length).toBeLessThanOrEqual(10);
    await api.anonymous.get('/api/v1/me/agenda').expect(401);
  });

  it('marks every notification read at once, and only the caller’s', async () => {
    const another = await api.signIn('focal_point', agency);
    const insert = (recipient: string, read = false) =>
      api.db.query(
        `INSERT INTO notifications (id, recipient_id, recipient_email, kind, subject, body_text, body_html, dedupe_key, status, link, facts, read_at)
         VALUES ($1, $2, 'x@test.invalid', 'due_date_reminder', 'Due soon', 'Due soon', '<p>Due soon</p>', $3, 'sent', '/commitments/X-a', '{"code": "X-a"}', $4)`,
        [randomUUID(), recipient, randomUUID(), read ? new Date() : null],
      );
    await insert(focal.user.id, true);
    await insert(focal.user.id);
    await insert(focal.user.id);
    await insert(another.user.id);
    const inbox = (await focal.http.get('/api/v1/me/notifications').expect(200)).body;
    expect(inbox.unread).toBe(2);
    // unread first
    expect(inbox.items.map((n: { readAt: string | null }) => n.readAt === null)).toEqual([true, true, false]);
    expect(inbox.items[0]).toMatchObject({ link: '/commitments/X-a', facts: { code: 'X-a' } });
    expect((await focal.http.post('/api/v1/me/notifications/read-all').expect(200)).body).toEqual({ marked: 2, unread: 0 });
    expect((await focal.http.post('/api/v1/me/notifications/read-all').expect(200)).body).toEqual({ marked: 0, unread: 0 });
    expect((await another.http.get('/api/v1/me/notifications').expect(200)).body.unread).toBe(1);
    await api.anonymous.post('/api/v1/me/notifications/read-all').expect(401);
  });
});
