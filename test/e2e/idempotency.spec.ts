import { aCommitment } from '../helpers/factories.js';
import { countEvents } from '../helpers/db.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';

describe('Idempotency-Key on POST', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('replays the first answer for a retry with the same key and body, appending nothing', async () => {
    const body = aCommitment();
    const first = await api.http.post('/api/v1/commitments').set('Idempotency-Key', 'reg-1').send(body).expect(201);
    const events = await countEvents(api.db);
    const retry = await api.http.post('/api/v1/commitments').set('Idempotency-Key', 'reg-1').send(body).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await countEvents(api.db)).toBe(events);
  });

  it('treats the same body with keys in another order as the same request', async () => {
    const body = aCommitment();
    await api.http.post('/api/v1/commitments').set('Idempotency-Key', 'reg-order').send(body).expect(201);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    await api.http.post('/api/v1/commitments').set('Idempotency-Key', 'reg-order').send(reordered).expect(201);
  });

  it('422 for the same key with a different body, writing nothing', async () => {
    await api.http.post('/api/v1/commitments').set('Idempotency-Key', 'reg-2').send(aCommitment()).expect(201);
    const events = await countEvents(api.db);
    const res = await api.http.post('/api/v1/commitments').set('Idempotency-Key', 'reg-2').send(aCommitment()).expect(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countEvents(api.db)).toBe(events);
  });

  it('scopes keys to the acting principal', async () => {
    const alice = await api.signIn('coordinator');
    const bob = await api.signIn('coordinator');
    await alice.http.post('/api/v1/commitments').set('Idempotency-Key', 'shared').send(aCommitment()).expect(201);
    await bob.http.post('/api/v1/commitments').set('Idempotency-Key', 'shared').send(aCommitment()).expect(201);
  });

  it('replays a transition: one event however often it is retried, even concurrently', async () => {
    const c = (await api.http.post('/api/v1/commitments').send(aCommitment()).expect(201)).body;
    const send = () =>
      api.http
        .post(`/api/v1/commitments/${c.id}/transitions`)
        .set('If-Match', '"1"')
        .set('Idempotency-Key', `t-${c.id}`)
        .send({ to: 'accepted' });
    const results = await Promise.all([send(), send(), send(), send()]);
    // the first runs; duplicates arriving while it runs get 409, later ones the replayed 200
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 200 || (r.status === 409 && r.body.code === 'IDEMPOTENT_REQUEST_IN_PROGRESS'))).toBe(true);
    const late = await send().expect(200);
    expect(late.body).toMatchObject({ status: 'accepted', version: 2 });
    expect(await countEvents(api.db, c.id)).toBe(2);
  });

  it('lets a request that failed be retried with the same key', async () => {
    const body = aCommitment({ leadAgency: 'NOPE', supportingAgencies: [] });
    await api.http.post('/api/v1/commitments').set('Idempotency-Key', 'fails-first').send(body).expect(422);
    await api.http
      .post('/api/v1/commitments')
      .set('Idempotency-Key', 'fails-first')
      .send({ ...body, leadAgency: 'ILO' })
      .expect(201);
  });

  it('400 for a malformed key', async () => {
    const res = await api.http.post('/api/v1/commitments').set('Idempotency-Key', 'has space').send(aCommitment()).expect(400);
    expect(res.body.errors[0].field).toBe('Idempotency-Key');
  });
});
