import { aCommitment } from '../helpers/factories.js';
import { countEvents } from '../helpers/db.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';

/** Every client mistake gets a problem+json answer naming what is wrong, and writes nothing. */
describe('Errors', () => {
  let api: TestApi;
  let code: string;
  beforeAll(async () => {
    api = await startTestApi();
    code = (await api.http.post('/api/v1/commitments').send(aCommitment()).expect(201)).body.code;
  });
  afterAll(() => api.close());

  let eventsBefore: number;
  beforeEach(async () => {
    eventsBefore = await countEvents(api.db);
  });
  afterEach(async () => {
    expect(await countEvents(api.db)).toBe(eventsBefore);
  });

  const expectProblem = (
    res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    status: number,
    problemCode: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status,
      code: problemCode,
      type: expect.stringMatching(/^urn:hld:problem:/),
      detail: expect.any(String),
    });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  };

  it.each([
    ['an unknown field', { ...aCommitment(), colour: 'red' }, 'colour'],
    ['a missing field', { ...aCommitment(), title: undefined }, 'title'],
    ['a wrong type', { ...aCommitment(), agendaItems: 'two' }, 'agendaItems'],
    ['a bad enum', { ...aCommitment(), kind: 'promise' }, 'kind'],
    ['a malformed code', { ...aCommitment(), code: 'not a code' }, 'code'],
    ['an impossible date', { ...aCommitment(), dueDate: '2015-02-30' }, 'dueDate'],
    ['a malformed SDG target', { ...aCommitment(), sdgTargets: ['10.99'] }, 'sdgTargets'],
    ['an attempt to set the version', { ...aCommitment(), version: 7 }, 'version'],
    ['an attempt to set the status', { ...aCommitment(), status: 'completed' }, 'status'],
  ])('400 for %s, naming the field', async (_, body, field) => {
    const res = await api.http.post('/api/v1/commitments').send(body);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('400 for malformed JSON', async () => {
    const res = await api.http.post('/api/v1/commitments').set('Content-Type', 'application/json').send('{"code": ');
    expectProblem(res, 400, 'MALFORMED_JSON');
  });

  it('413 for a body over the limit', async () => {
    const res = await api.http.post('/api/v1/commitments').send({ ...aCommitment(), text: 'x'.repeat(1_100_000) });
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('415 for a body that is not JSON', async () => {
    const res = await api.http.post('/api/v1/commitments').set('Content-Type', 'text/csv').send('a,b');
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('422 naming an unknown agency', async () => {
    const res = await api.http.post('/api/v1/commitments').send(aCommitment({ leadAgency: 'NOPE', supportingAgencies: ['IOM'] }));
    expectProblem(res, 422, 'UNKNOWN_AGENCY');
    expect(res.body.errors).toEqual([{ field: 'leadAgency', message: 'unknown agency NOPE' }]);
    const owners = await api.http
      .put(`/api/v1/commitments/${code}/owners`)
      .set('If-Match', '"1"')
      .send({ lead: 'ILO', supporting: ['XYZ'] });
    expectProblem(owners, 422, 'UNKNOWN_AGENCY');
  });

  it('422 naming an unknown agenda item (the agenda has items 1 to 8)', async () => {
    for (const agendaItems of [[9], [0, 2]]) {
      const res = await api.http.post('/api/v1/commitments').send(aCommitment({ agendaItems }));
      expectProblem(res, 422, 'UNKNOWN_AGENDA_ITEM');
      expect(res.body.errors[0].field).toBe('agendaItems');
    }
    const revise = await api.http
      .patch(`/api/v1/commitments/${code}`)
      .set('If-Match', '"1"')
      .send({ agendaItems: [2, 12] });
    expectProblem(revise, 422, 'UNKNOWN_AGENDA_ITEM');
    expect(revise.body.agendaItems).toEqual([12]);
  });

  it('422 when the lead is also supporting', async () => {
    const res = await api.http
      .put(`/api/v1/commitments/${code}/owners`)
      .set('If-Match', '"1"')
      .send({ lead: 'ILO', supporting: ['ILO'] });
    expectProblem(res, 422, 'INVALID_OWNERS');
  });

  it('404 for an unknown commitment, by code and by id, on every route', async () => {
    expectProblem(await api.http.get('/api/v1/commitments/NOPE-z'), 404, 'COMMITMENT_NOT_FOUND');
    expectProblem(await api.http.get('/api/v1/commitments/6f1c1d4e-0000-4000-8000-000000000000/history'), 404, 'COMMITMENT_NOT_FOUND');
    expectProblem(
      await api.http.post('/api/v1/commitments/NOPE-z/transitions').set('If-Match', '"1"').send({ to: 'accepted' }),
      404,
      'COMMITMENT_NOT_FOUND',
    );
    expectProblem(
      await api.http.post('/api/v1/commitments/NOPE-z/progress-reports').send({ period: 2014, agency: 'ILO', summary: 's' }),
      404,
      'COMMITMENT_NOT_FOUND',
    );
  });

  it('404 problem for an unknown route', async () => {
    expectProblem(await api.http.get('/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
  });

  it('428 without If-Match on each of the four versioned writes', async () => {
    const base = `/api/v1/commitments/${code}`;
    expectProblem(await api.http.post(`${base}/transitions`).send({ to: 'accepted' }), 428, 'VERSION_REQUIRED');
    expectProblem(await api.http.put(`${base}/owners`).send({ lead: 'IOM', supporting: [] }), 428, 'VERSION_REQUIRED');
    expectProblem(await api.http.put(`${base}/due-date`).send({ dueDate: null }), 428, 'VERSION_REQUIRED');
    expectProblem(await api.http.patch(base).send({ title: 'x' }), 428, 'VERSION_REQUIRED');
  });

  it('400 for a malformed If-Match', async () => {
    const res = await api.http.post(`/api/v1/commitments/${code}/transitions`).set('If-Match', 'banana').send({ to: 'accepted' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors[0].field).toBe('If-Match');
  });

  it('409 for a stale If-Match, naming the current version', async () => {
    const res = await api.http.post(`/api/v1/commitments/${code}/transitions`).set('If-Match', '"7"').send({ to: 'accepted' });
    expectProblem(res, 409, 'VERSION_CONFLICT');
    expect(res.body).toMatchObject({ expectedVersion: 7, currentVersion: 1 });
  });

  it('409 for an illegal transition, listing the allowed next states', async () => {
    const res = await api.http.post(`/api/v1/commitments/${code}/transitions`).set('If-Match', '"1"').send({ to: 'completed' });
    expectProblem(res, 409, 'ILLEGAL_TRANSITION');
    expect(res.body.allowedTransitions).toEqual(['accepted', 'in_progress', 'discontinued']);
  });

  it('422 when a transition needs a reason or a discontinuation category', async () => {
    const base = `/api/v1/commitments/${code}/transitions`;
    expectProblem(await api.http.post(base).set('If-Match', '"1"').send({ to: 'discontinued', category: 'other' }), 422, 'REASON_REQUIRED');
    expectProblem(
      await api.http.post(base).set('If-Match', '"1"').send({ to: 'discontinued', reason: 'why' }),
      422,
      'INVALID_DISCONTINUATION',
    );
    const superseded = await api.http.post(base).set('If-Match', '"1"').send({ to: 'discontinued', reason: 'why', category: 'superseded' });
    expectProblem(superseded, 422, 'INVALID_DISCONTINUATION');
    expect(superseded.body.errors[0].field).toBe('supersededBy');
  });

  it('422 when the reporting agency owns nothing of the commitment, or the period is outside the reporting years', async () => {
    const base = `/api/v1/commitments/${code}/progress-reports`;
    expectProblem(
      await api.http.post(base).send({ period: 2014, agency: 'UNHCR', summary: 'Did things.' }),
      422,
      'REPORTING_AGENCY_NOT_AN_OWNER',
    );
    expectProblem(
      await api.http.post(base).send({ period: 2014, agency: 'NOPE', summary: 'Did things.' }),
      422,
      'REPORTING_AGENCY_NOT_AN_OWNER',
    );
    const res = await api.http.post(base).send({ period: 2012, agency: 'ILO', summary: 'Did things.' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('400 for a progress summary over 20,000 characters and for a bad indicator', async () => {
    const base = `/api/v1/commitments/${code}/progress-reports`;
    const long = await api.http.post(base).send({ period: 2014, agency: 'ILO', summary: 'x'.repeat(20_001) });
    expectProblem(long, 400, 'VALIDATION_FAILED');
    expect(long.body.errors[0].field).toBe('summary');
    const indicator = await api.http.post(base).send({ period: 2014, agency: 'ILO', summary: 's', indicators: [{ value: 3 }] });
    expectProblem(indicator, 400, 'VALIDATION_FAILED');
    expect(indicator.body.errors[0].field).toBe('indicators.0.name');
  });

  it('400 for bad list filters', async () => {
    for (const query of [{ overdue: 'maybe' }, { agendaItem: 9 }, { status: 'done' }, { dueBefore: 'soon' }, { limit: 0 }]) {
      expectProblem(await api.http.get('/api/v1/commitments').query(query), 400, 'VALIDATION_FAILED');
    }
  });
});
