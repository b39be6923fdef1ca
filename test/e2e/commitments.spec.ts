import { aCommitment, aFreshAgency, uniqueCode } from '../helpers/factories.js';
import { countEvents } from '../helpers/db.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';

describe('Commitments API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    api.clock.set('2014-03-01T12:00:00Z');
  });
  afterAll(() => api.close());

  const register = async (overrides = {}) => {
    const res = await api.http.post('/api/v1/commitments').send(aCommitment(overrides)).expect(201);
    return res.body;
  };

  it('registers a commitment: 201, ETag "1", Location, status proposed, one CommitmentRegistered event', async () => {
    const body = aCommitment({ supportingAgencies: ['UNDP', 'IOM'], agendaItems: [6, 2] });
    const res = await api.http.post('/api/v1/commitments').send(body).expect(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/v1/commitments/${res.body.id}`);
    expect(res.body).toMatchObject({
      code: body.code,
      status: 'proposed',
      version: 1,
      leadAgency: 'ILO',
      supportingAgencies: ['IOM', 'UNDP'],
      agendaItems: [2, 6],
      overdue: false,
    });
    // what the coordinator who registered it may do now (no due date yet: nothing to extend)
    expect(res.body.allowedActions).toEqual([
      { action: 'accept', to: 'accepted', reasonRequired: false },
      { action: 'start', to: 'in_progress', reasonRequired: false },
      { action: 'discontinue', to: 'discontinued', reasonRequired: true },
      { action: 'revise' },
      { action: 'assign_owners' },
      { action: 'set_due_date' },
      { action: 'report_progress' },
    ]);
    expect(res.body).not.toHaveProperty('allowedTransitions');
    const history = await api.http.get(`/api/v1/commitments/${body.code}/history`).expect(200);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({
      type: 'CommitmentRegistered',
      version: 1,
      actor: { id: api.coordinator.user.id, role: 'coordinator', agency: null },
    });
  });

  it('reads a commitment by id and by code, with its ETag', async () => {
    const created = await register();
    for (const key of [created.id, created.code]) {
      const res = await api.http.get(`/api/v1/commitments/${key}`).expect(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body.id).toBe(created.id);
    }
  });

  it('moves through the whole lifecycle, including return, discontinue and reopen, each an event with from/to/reason', async () => {
    const c = await register();
    const steps: Array<[string, Record<string, string>?]> = [
      ['accepted'],
      ['in_progress'],
      ['under_review'],
      ['in_progress', { reason: 'Evidence missing' }],
      ['under_review'],
      ['completed'],
      ['in_progress', { reason: 'Reopened after new evidence' }],
      ['discontinued', { reason: 'Overtaken by the SDGs', category: 'superseded', supersededBy: 'SDG target 10.7' }],
      ['in_progress', { reason: 'Back on the agenda' }],
    ];
    let version = 1;
    for (const [to, extra] of steps) {
      const res = await api.http
        .post(`/api/v1/commitments/${c.code}/transitions`)
        .set('If-Match', `"${version}"`)
        .send({ to, ...extra })
        .expect(200);
      version += 1;
      expect(res.body).toMatchObject({ status: to, version });
      expect(res.headers.etag).toBe(`"${version}"`);
    }
    const history = await api.http.get(`/api/v1/commitments/${c.code}/history`).expect(200);
    const changes = history.body.items.filter((e: { type: string }) => e.type === 'CommitmentStatusChanged');
    expect(changes.map((e: { payload: { to: string } }) => e.payload.to)).toEqual(steps.map(([to]) => to));
    expect(changes[3].payload).toMatchObject({ from: 'under_review', to: 'in_progress', reason: 'Evidence missing' });
    expect(changes[7].payload).toMatchObject({ category: 'superseded', supersededBy: 'SDG target 10.7' });
  });

  it('assigns owners, sets and clears the due date, and revises details, each needing If-Match', async () => {
    const c = await register();
    let res = await api.http
      .put(`/api/v1/commitments/${c.id}/owners`)
      .set('If-Match', '"1"')
      .send({ lead: 'IOM', supporting: ['ILO', 'UNHCR'] })
      .expect(200);
    expect(res.body).toMatchObject({ leadAgency: 'IOM', supportingAgencies: ['ILO', 'UNHCR'], version: 2 });
    res = await api.http.put(`/api/v1/commitments/${c.id}/due-date`).set('If-Match', '"2"').send({ dueDate: '2014-02-01' }).expect(200);
    expect(res.body).toMatchObject({ dueDate: '2014-02-01', overdue: true, version: 3 });
    res = await api.http.put(`/api/v1/commitments/${c.id}/due-date`).set('If-Match', '"3"').send({ dueDate: null }).expect(200);
    expect(res.body).toMatchObject({ dueDate: null, overdue: false, version: 4 });
    res = await api.http
      .patch(`/api/v1/commitments/${c.id}`)
      .set('If-Match', '"4"')
      .send({ title: 'A new title', agendaItems: [1, 8], sdgTargets: ['10.7', '10.c'] })
      .expect(200);
    expect(res.body).toMatchObject({ title: 'A new title', agendaItems: [1, 8], sdgTargets: ['10.7', '10.c'], version: 5 });
    const types = (await api.http.get(`/api/v1/commitments/${c.id}/history`)).body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'CommitmentRegistered',
      'CommitmentOwnersAssigned',
      'CommitmentDueDateSet',
      'CommitmentDueDateSet',
      'CommitmentDetailsRevised',
    ]);
  });

  it('records progress reports from an owning agency without If-Match', async () => {
    const c = await register();
    const focal = await api.signIn('focal_point', 'IOM');
    const res = await focal.http
      .post(`/api/v1/commitments/${c.code}/progress-reports`)
      .send({
        period: 2014,
        summary: 'Launched a global campaign to improve public perception of migrants.',
        evidenceUrls: ['https://example.org/report'],
        indicators: [{ name: 'countries reached', value: 12, unit: 'countries', asOf: '2014-12-31' }],
      })
      .expect(201);
    expect(res.body.id).toEqual(expect.any(String));
    expect(res.body.commitment).toMatchObject({ lastReportPeriod: 2014, version: 2 });
    const [row] = await api.db.query('SELECT agency, period, summary, reported_by FROM progress_reports WHERE id = $1', [res.body.id]);
    expect(row).toMatchObject({ agency: 'IOM', period: 2014, reported_by: focal.user.id });
  });

  it('lists the progress reports by period, newest first, with indicators, evidence and who reported them', async () => {
    const c = await register({ leadAgency: 'ILO', supportingAgencies: ['IOM'] });
    const ilo = await api.signIn('focal_point', 'ILO');
    const iom = await api.signIn('focal_point', 'IOM');
    const path = `/api/v1/commitments/${c.code}/progress-reports`;
    expect((await api.http.get(path).expect(200)).body).toEqual({ commitmentId: c.id, code: c.code, periods: [] });

    api.clock.set('2014-03-02T09:00:00Z');
    const first = await ilo.http
      .post(path)
      .send({
        period: 2013,
        summary: 'Published a guide on fair recruitment.',
        evidenceUrls: ['https://example.org/guide'],
        indicators: [
          { name: 'countries reached', value: 12, unit: 'countries', asOf: '2013-12-31' },
          { name: 'status', value: 'on track' },
        ],
      })
      .expect(201);
    api.clock.set('2014-03-03T09:00:00Z');
    const second = await iom.http.post(path).send({ period: 2014, summary: 'Trained 40 labour inspectors.' }).expect(201);
    api.clock.set('2014-03-04T09:00:00Z');
    const third = await ilo.http.post(path).send({ period: 2014, kind: 'no_change' }).expect(201);
    const fourth = await api.http.post(path).send({ period: 2014, agency: 'IOM', summary: 'Filed on behalf of IOM.' }).expect(201);
    api.clock.set('2014-03-01T12:00:00Z');

    const res = await ilo.http.get(path).expect(200);
    expect(res.body.commitmentId).toBe(c.id);
    expect(res.body.periods.map((p: { period: number; reports: Array<{ id: string }> }) => [p.period, p.reports.map((r) => r.id)])).toEqual(
      [
        [2014, [fourth.body.id, third.body.id, second.body.id]],
        [2013, [first.body.id]],
      ],
    );
    const [latest, nothingNew, byIom] = res.body.periods[0].reports;
    expect(latest).toMatchObject({
      agency: 'IOM',
      kind: 'report',
      reportedBy: { id: api.coordinator.user.id, role: 'coordinator', agency: null },
    });
    expect(nothingNew).toMatchObject({
      agency: 'ILO',
      kind: 'no_change',
      summary: 'No change since the last report.',
      evidenceUrls: [],
      indicators: [],
    });
    expect(byIom).toEqual({
      id: second.body.id,
      period: 2014,
      agency: 'IOM',
      kind: 'report',
      summary: 'Trained 40 labour inspectors.',
      evidenceUrls: [],
      indicators: [],
      reportedAt: '2014-03-03T09:00:00.000Z',
      reportedBy: { id: iom.user.id, role: 'focal_point', agency: 'IOM' },
    });
    expect(res.body.periods[1].reports[0]).toMatchObject({
      evidenceUrls: ['https://example.org/guide'],
      indicators: [
        { name: 'countries reached', value: 12, unit: 'countries', asOf: '2013-12-31' },
        { name: 'status', value: 'on track' },
      ],
      reportedBy: { id: ilo.user.id, role: 'focal_point', agency: 'ILO' },
    });
    // by id too; an unknown commitment is 404
    expect((await api.http.get(`/api/v1/commitments/${c.id}/progress-reports`).expect(200)).body).toEqual(res.body);
    expect((await api.http.get('/api/v1/commitments/NOPE-zz/progress-reports').expect(404)).body.code).toBe('COMMITMENT_NOT_FOUND');
  });

  it('offers each principal only what it may do: focal points of the lead, a supporting and another agency, a coordinator', async () => {
    const lead = await aFreshAgency(api.db);
    const supporting = await aFreshAgency(api.db);
    const c = await register({ leadAgency: lead, supportingAgencies: [supporting], dueDate: '2015-01-15' });
    for (const [version, to] of [
      [1, 'accepted'],
      [2, 'in_progress'],
    ] as const)
      await api.http.post(`/api/v1/commitments/${c.code}/transitions`).set('If-Match', `"${version}"`).send({ to }).expect(200);
    const offered = async (who: { http: typeof api.http }) =>
      (await who.http.get(`/api/v1/commitments/${c.code}`).expect(200)).body.allowedActions;

    // a focal point of the lead agency: moves on, reports, asks for more time; never discontinues
    expect(await offered(await api.signIn('focal_point', lead))).toEqual([
      { action: 'submit_for_review', to: 'under_review', reasonRequired: false },
      { action: 'report_progress' },
      { action: 'request_extension' },
    ]);
    expect(await offered(await api.signIn('focal_point', supporting))).toEqual([{ action: 'report_progress' }]);
    expect(await offered(await api.signIn('focal_point', 'UNHCR'))).toEqual([]);
    expect(await offered(api.coordinator)).toEqual([
      { action: 'submit_for_review', to: 'under_review', reasonRequired: false },
      { action: 'discontinue', to: 'discontinued', reasonRequired: true },
      { action: 'revise' },
      { action: 'assign_owners' },
      { action: 'set_due_date' },
      { action: 'report_progress' },
      { action: 'request_extension' },
    ]);
    // what is not offered is refused, and says why
    const refused = await (
      await api.signIn('focal_point', lead)
    ).http
      .post(`/api/v1/commitments/${c.code}/transitions`)
      .set('If-Match', '"3"')
      .send({ to: 'discontinued', reason: 'Overtaken', category: 'other' })
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'NOT_ALLOWED', action: 'discontinue' });
  });

  it('answers what a commitment looked like at a past instant', async () => {
    api.clock.set('2014-03-01T12:00:00Z');
    const c = await register();
    api.clock.set('2014-06-01T12:00:00Z');
    await api.http.post(`/api/v1/commitments/${c.code}/transitions`).set('If-Match', '"1"').send({ to: 'accepted' }).expect(200);
    api.clock.set('2014-09-01T12:00:00Z');
    await api.http.post(`/api/v1/commitments/${c.code}/transitions`).set('If-Match', '"2"').send({ to: 'in_progress' }).expect(200);

    const at = (instant: string) => api.http.get(`/api/v1/commitments/${c.code}`).query({ asOf: instant });
    expect((await at('2014-05-01T00:00:00Z').expect(200)).body).toMatchObject({ status: 'proposed', version: 1 });
    expect((await at('2014-07-01T00:00:00Z').expect(200)).body).toMatchObject({ status: 'accepted', version: 2 });
    expect((await at('2014-12-31T00:00:00Z').expect(200)).body).toMatchObject({ status: 'in_progress', version: 3 });
    const before = await at('2014-01-01T00:00:00Z').expect(404);
    expect(before.body.code).toBe('COMMITMENT_NOT_YET_REGISTERED');
    await at('last tuesday').expect(400);
    api.clock.set('2014-03-01T12:00:00Z');
  });

  describe('list', () => {
    let agency: string; // only this block uses it, so the counts below are exact
    const codes: Record<string, string> = {};
    beforeAll(async () => {
      agency = await aFreshAgency(api.db);
      codes.a = (
        await register({
          leadAgency: agency,
          supportingAgencies: [],
          agendaItems: [7],
          dueDate: '2014-01-15',
          title: 'Diaspora knowledge networks',
        })
      ).code;
      codes.b = (await register({ leadAgency: agency, supportingAgencies: [], agendaItems: [7, 8], dueDate: '2015-06-30' })).code;
      codes.c = (await register({ leadAgency: 'ILO', supportingAgencies: [agency], agendaItems: [3], dueDate: '2013-12-31' })).code;
      codes.d = (await register({ leadAgency: agency, supportingAgencies: [], agendaItems: [7], dueDate: '2013-12-01' })).code;
      // d is completed: past its due date but not overdue
      for (const [to, v] of [
        ['in_progress', 1],
        ['under_review', 2],
        ['completed', 3],
      ] as const) {
        await api.http.post(`/api/v1/commitments/${codes.d}/transitions`).set('If-Match', `"${v}"`).send({ to }).expect(200);
      }
    });
    const list = (query: Record<string, string | number | boolean>) => api.http.get('/api/v1/commitments').query(query).expect(200);
    const codesOf = (res: { body: { items: Array<{ code: string }> } }) => res.body.items.map((i) => i.code).sort();

    it('filters by agency (lead or supporting) and returns the total', async () => {
      const res = await list({ agency });
      expect(res.body.total).toBe(4);
      expect(codesOf(res)).toEqual([codes.a, codes.b, codes.c, codes.d].sort());
    });

    it('filters by agenda item, status, overdue and due date', async () => {
      expect(codesOf(await list({ agency, agendaItem: 8 }))).toEqual([codes.b]);
      expect(codesOf(await list({ agency, status: 'completed' }))).toEqual([codes.d]);
      expect(codesOf(await list({ agency, status: 'completed,proposed' }))).toEqual([codes.a, codes.b, codes.c, codes.d].sort());
      expect(codesOf(await list({ agency, overdue: true }))).toEqual([codes.a, codes.c].sort());
      expect(codesOf(await list({ agency, overdue: false }))).toEqual([codes.b, codes.d].sort());
      expect(codesOf(await list({ agency, dueBefore: '2014-01-01' }))).toEqual([codes.c, codes.d].sort());
      const overdue = await list({ agency, overdue: true });
      expect(overdue.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    });

    it('searches the full text of code, title and text', async () => {
      expect(codesOf(await list({ agency, q: 'diaspora networks' }))).toEqual([codes.a]);
      expect((await list({ agency, q: 'nothingmatchesthis' })).body.total).toBe(0);
    });

    it('keeps the search current: a revised title is found by its new words only, a status change leaves it as it was', async () => {
      const own = await aFreshAgency(api.db); // not this block's agency, whose counts the other tests check
      const c = await register({ leadAgency: own, supportingAgencies: [], agendaItems: [7], title: 'Remittance corridors' });
      await api.http.patch(`/api/v1/commitments/${c.code}`).set('If-Match', '"1"').send({ title: 'Recruitment fees' }).expect(200);
      await api.http.post(`/api/v1/commitments/${c.code}/transitions`).set('If-Match', '"2"').send({ to: 'accepted' }).expect(200);
      expect(codesOf(await list({ agency: own, q: 'recruitment fees' }))).toEqual([c.code]);
      expect(codesOf(await list({ agency: own, q: 'remittance corridors' }))).toEqual([]);
    });

    it('pages with a cursor in a stable order, with the total on every page', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await list({ agency, limit: 3, ...(cursor ? { cursor } : {}) });
        expect(res.body.total).toBe(4);
        seen.push(...res.body.items.map((i: { code: string }) => i.code));
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([codes.a, codes.b, codes.c, codes.d].sort());
    });

    it('refuses a page larger than 200', async () => {
      const res = await api.http.get('/api/v1/commitments').query({ limit: 201 }).expect(400);
      expect(res.body.errors[0].field).toBe('limit');
    });
  });

  it('counts commitments by status per agency and per agenda item, with overdue', async () => {
    const agency = await aFreshAgency(api.db);
    const before = await api.http.get('/api/v1/stats/status').query({ by: 'agendaItem' }).expect(200);
    type Group = { key: string; counts: Record<string, number>; total: number; overdue: number };
    const item4 = (body: { items: Group[] }) => body.items.find((i) => i.key === '4');
    const a = await register({ leadAgency: agency, supportingAgencies: [], agendaItems: [4], dueDate: '2014-01-01' });
    await register({ leadAgency: agency, supportingAgencies: [], agendaItems: [4] });
    await api.http.post(`/api/v1/commitments/${a.code}/transitions`).set('If-Match', '"1"').send({ to: 'accepted' }).expect(200);

    const byAgency = await api.http.get('/api/v1/stats/status').query({ by: 'agency' }).expect(200);
    expect(byAgency.body.items.find((i: { key: string }) => i.key === agency)).toEqual({
      key: agency,
      counts: { proposed: 1, accepted: 1, in_progress: 0, under_review: 0, completed: 0, discontinued: 0 },
      total: 2,
      overdue: 1,
    });
    const after = await api.http.get('/api/v1/stats/status').query({ by: 'agendaItem' }).expect(200);
    const was = item4(before.body);
    const now = item4(after.body)!;
    expect(now.total - (was?.total ?? 0)).toBe(2);
    expect(now.counts.accepted - (was?.counts.accepted ?? 0)).toBe(1);
    expect(now.overdue - (was?.overdue ?? 0)).toBe(1);
    await api.http.get('/api/v1/stats/status').query({ by: 'colour' }).expect(400);
  });

  it('N racing writers at the same If-Match: exactly one wins, the rest get 409 naming the current version', async () => {
    const c = await register();
    const N = 8;
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        api.http.post(`/api/v1/commitments/${c.id}/transitions`).set('If-Match', '"1"').send({ to: 'accepted' }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(N - 1).fill(409)]);
    for (const r of results.filter((r) => r.status === 409)) {
      expect(r.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    }
    expect(await countEvents(api.db, c.id)).toBe(2);
    const [view] = await api.db.query('SELECT version FROM commitment_view WHERE id = $1', [c.id]);
    expect(view.version).toBe(2);
  });

  it('refuses a second commitment with the same code (409), also when registered concurrently', async () => {
    const code = uniqueCode('RACE');
    const results = await Promise.all(Array.from({ length: 5 }, () => api.http.post('/api/v1/commitments').send(aCommitment({ code }))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM events WHERE type = 'CommitmentRegistered' AND payload->>'code' = $1`,
      [code],
    );
    expect(n).toBe(1);
  });
});
