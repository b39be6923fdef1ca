import { randomUUID } from 'node:crypto';
import { aCommitment, aFreshAgency } from '../helpers/factories.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';

/** Cycles use years no other test file uses, since cycles are global (one per year). */
describe('Reporting cycles, compliance, overdue reasons, extensions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('opens a cycle with dates in its time zone, stored as instants, with the documented defaults', async () => {
    const res = await api.http.post('/api/v1/reporting-cycles').send({ year: 2090, opensAt: '2090-11-01' }).expect(201);
    expect(res.headers.location).toBe('/api/v1/reporting-cycles/2090');
    expect(res.body).toMatchObject({
      year: 2090,
      opensAt: '2090-11-01T04:00:00.000Z', // midnight in New York (EDT ends on 6 November 2090)
      deadline: '2091-01-16T04:59:59.999Z', // end of 15 January in New York (EST)
      timeZone: 'America/New_York',
      reminderOffsetsDays: [14, 3],
      version: 1,
    });
    const geneva = await api.http
      .post('/api/v1/reporting-cycles')
      .send({
        year: 2091,
        opensAt: '2091-11-01T09:00:00+01:00',
        deadline: '2092-01-10',
        timeZone: 'Europe/Zurich',
        reminderOffsetsDays: [3, 10],
      })
      .expect(201);
    expect(geneva.body).toMatchObject({
      opensAt: '2091-11-01T08:00:00.000Z',
      deadline: '2092-01-10T22:59:59.999Z',
      reminderOffsetsDays: [10, 3],
    });
    await api.http.post('/api/v1/reporting-cycles').send({ year: 2090, opensAt: '2090-11-01' }).expect(409);
    await api.http.get('/api/v1/reporting-cycles/2090').expect(200);
    await api.http.get('/api/v1/reporting-cycles/2089').expect(404);
  });

  it('refuses bad cycles with the field named, and focal points', async () => {
    const bad = async (body: object, field: string, status = 422) => {
      const res = await api.http.post('/api/v1/reporting-cycles').send(body).expect(status);
      expect(res.body.errors[0].field).toBe(field);
    };
    await bad({ year: 2092, opensAt: '2093-02-01' }, 'deadline');
    await bad({ year: 2092, opensAt: 'soon' }, 'opensAt', 400);
    await bad({ year: 2092, opensAt: '2092-11-01', timeZone: 'Mars/Olympus' }, 'timeZone');
    await bad({ year: 2092, opensAt: '2092-11-01', reminderOffsetsDays: [0] }, 'reminderOffsetsDays', 400);
    await bad({ year: 1999, opensAt: '1999-11-01' }, 'year', 400);
    const focal = await api.signIn('focal_point', 'ILO');
    await focal.http.post('/api/v1/reporting-cycles').send({ year: 2092, opensAt: '2092-11-01' }).expect(403);
  });

  it('moves the deadline with PATCH (If-Match optional, stale → 409)', async () => {
    await api.http.post('/api/v1/reporting-cycles').send({ year: 2093, opensAt: '2093-11-01' }).expect(201);
    const moved = await api.http.patch('/api/v1/reporting-cycles/2093').set('If-Match', '"1"').send({ deadline: '2094-01-31' }).expect(200);
    expect(moved.body).toMatchObject({ deadline: '2094-02-01T04:59:59.999Z', version: 2 });
    await api.http.patch('/api/v1/reporting-cycles/2093').set('If-Match', '"1"').send({ deadline: '2094-02-28' }).expect(409);
  });

  it('reports compliance per agency and marks missing reports overdue after the deadline, with the reason', async () => {
    const agency = await aFreshAgency(api.db);
    const focal = await api.signIn('focal_point', agency);
    const reg = async () =>
      (
        await api.http
          .post('/api/v1/commitments')
          .send(aCommitment({ leadAgency: agency, supportingAgencies: [] }))
          .expect(201)
      ).body;
    api.clock.set('2080-10-01T00:00:00Z');
    const [a, b, c] = [await reg(), await reg(), await reg()];
    await api.http.post('/api/v1/reporting-cycles').send({ year: 2080, opensAt: '2080-11-01', deadline: '2081-01-15' }).expect(201);
    await focal.http.post(`/api/v1/commitments/${a.code}/progress-reports`).send({ period: 2080, summary: 'Done.' }).expect(201);
    await focal.http.post(`/api/v1/commitments/${b.code}/progress-reports`).send({ period: 2080, kind: 'no_change' }).expect(201);

    const compliance = await api.http.get('/api/v1/reporting-cycles/2080/compliance').expect(200);
    expect(compliance.body.agencies.find((x: { agency: string }) => x.agency === agency)).toEqual({
      agency,
      owed: 3,
      submitted: 2,
      missing: [c.code],
      missingCommitments: [{ code: c.code, title: c.title }],
    });

    // (before this deadline, an earlier cycle of another test file may be the latest one passed: cycles are global)
    api.clock.set('2081-01-16T12:00:00Z');
    const overdue = await api.http.get('/api/v1/commitments').query({ agency, overdue: true }).expect(200);
    expect(overdue.body.items.map((i: { code: string }) => i.code)).toEqual([c.code]);
    expect(overdue.body.items[0]).toMatchObject({ overdue: true, overdueReasons: ['report_missing'] });
    expect((await api.http.get(`/api/v1/commitments/${c.code}`).expect(200)).body.overdueReasons).toEqual(['report_missing']);
    expect((await api.http.get(`/api/v1/commitments/${a.code}`).expect(200)).body.overdue).toBe(false);
    const notOverdue = await api.http.get('/api/v1/commitments').query({ agency, overdue: false }).expect(200);
    expect(notOverdue.body.items.map((i: { code: string }) => i.code).sort()).toEqual([a.code, b.code].sort());
    const stats = await api.http.get('/api/v1/stats/status').query({ by: 'agency' }).expect(200);
    expect(stats.body.items.find((i: { key: string }) => i.key === agency).overdue).toBe(1);

    // a write's answer judges overdue as the lists do: from the periods its state holds, not a read of the reports
    const accepted = await api.http
      .post(`/api/v1/commitments/${c.code}/transitions`)
      .set('If-Match', `"${c.version}"`)
      .send({ to: 'accepted' })
      .expect(200);
    expect(accepted.body.overdueReasons).toEqual(['report_missing']);
    const reported = await focal.http
      .post(`/api/v1/commitments/${c.code}/progress-reports`)
      .send({ period: 2080, summary: 'Late.' })
      .expect(201);
    expect(reported.body.commitment).toMatchObject({ overdue: false, overdueReasons: [] });
    const started = await api.http
      .post(`/api/v1/commitments/${c.code}/transitions`)
      .set('If-Match', `"${reported.body.commitment.version}"`)
      .send({ to: 'in_progress' })
      .expect(200);
    expect(started.body).toMatchObject({ overdue: false, overdueReasons: [] });
    expect((await api.http.get(`/api/v1/commitments/${c.code}`).expect(200)).body.overdueReasons).toEqual([]);
    api.clock.set(new Date());
  });

  it('extensions: the lead asks, a coordinator approves; the original due date is kept; reasons for overdue follow', async () => {
    const agency = await aFreshAgency(api.db);
    const focal = await api.signIn('focal_point', agency);
    const other = await api.signIn('focal_point', 'ILO');
    api.clock.set('2070-03-01T00:00:00Z');
    const c = (
      await api.http
        .post('/api/v1/commitments')
        .send(aCommitment({ leadAgency: agency, supportingAgencies: ['ILO'], dueDate: '2070-06-30' }))
        .expect(201)
    ).body;
    await other.http.post(`/api/v1/commitments/${c.code}/extension-requests`).send({ dueDate: '2070-12-31', reason: 'x' }).expect(403);
    await focal.http
      .post(`/api/v1/commitments/${c.code}/extension-requests`)
      .send({ dueDate: '2070-05-01', reason: 'earlier?' })
      .expect(422);
    const asked = await focal.http
      .post(`/api/v1/commitments/${c.code}/extension-requests`)
      .send({ dueDate: '2070-12-31', reason: 'Funding arrived late' })
      .expect(201);
    const requestId = asked.body.pendingExtension.requestId;
    expect(asked.body).toMatchObject({
      dueDate: '2070-06-30',
      pendingExtension: { dueDate: '2070-12-31', reason: 'Funding arrived late' },
    });
    await focal.http.post(`/api/v1/commitments/${c.code}/extension-requests`).send({ dueDate: '2071-01-31', reason: 'again' }).expect(409);
    await focal.http
      .post(`/api/v1/commitments/${c.code}/extension-requests/${requestId}/decision`)
      .send({ decision: 'approve' })
      .expect(403);

    api.clock.set('2070-07-15T00:00:00Z'); // past the original date: overdue until the extension is approved
    // (a report_missing reason may come with it from another test file's cycle: cycles are global)
    expect((await api.http.get(`/api/v1/commitments/${c.code}`).expect(200)).body.overdueReasons).toContain('due_date_passed');
    const approved = await api.http
      .post(`/api/v1/commitments/${c.code}/extension-requests/${requestId}/decision`)
      .send({ decision: 'approve', comment: 'Fine' })
      .expect(200);
    expect(approved.body).toMatchObject({ dueDate: '2070-12-31', originalDueDate: '2070-06-30', pendingExtension: null });
    expect(approved.body.overdueReasons).not.toContain('due_date_passed');
    // deciding it again is a conflict with what was decided, not an unknown request; a request never made is 404
    const again = await api.http
      .post(`/api/v1/commitments/${c.code}/extension-requests/${requestId}/decision`)
      .send({ decision: 'decline' })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'EXTENSION_ALREADY_DECIDED', extensionRequestId: requestId, decision: 'approved' });
    await api.http
      .post(`/api/v1/commitments/${c.code}/extension-requests/${randomUUID()}/decision`)
      .send({ decision: 'approve' })
      .expect(404);

    const second = await focal.http
      .post(`/api/v1/commitments/${c.code}/extension-requests`)
      .send({ dueDate: '2071-06-30', reason: 'More' })
      .expect(201);
    const declined = await api.http
      .post(`/api/v1/commitments/${c.code}/extension-requests/${second.body.pendingExtension.requestId}/decision`)
      .send({ decision: 'decline' })
      .expect(200);
    expect(declined.body).toMatchObject({ dueDate: '2070-12-31', originalDueDate: '2070-06-30', pendingExtension: null });
    const types = (await api.http.get(`/api/v1/commitments/${c.code}/history`)).body.items.map((e: { type: string }) => e.type);
    expect(types.slice(-4)).toEqual([
      'CommitmentExtensionRequested',
      'CommitmentExtensionApproved',
      'CommitmentExtensionRequested',
      'CommitmentExtensionDeclined',
    ]);
    api.clock.set(new Date());
  });
});
