import { aCommitment } from '../helpers/factories.js';
import { countEvents } from '../helpers/db.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { eventually } from '../helpers/smtp-sink.js';
import { startTestApi, startTestApiBehindDatabaseProxy, type TestApi } from '../helpers/test-api.js';

/** PostgreSQL goes away under the API (reliability scenario 3): 503 problem+json with Retry-After, then recovery. */
describe('PostgreSQL outage', () => {
  let proxy: TcpProxy;
  let api: TestApi;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ api, proxy, close } = await startTestApiBehindDatabaseProxy());
  });
  afterAll(() => close());

  it('answers 503 with Retry-After while the database is unreachable, writes nothing twice, and recovers unaided', async () => {
    const created = await api.http.post('/api/v1/commitments').send(aCommitment()).expect(201);

    await proxy.cut();
    const list = await api.http.get('/api/v1/commitments');
    expect(list.status).toBe(503);
    expect(list.headers['retry-after']).toBe('2');
    expect(list.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(list.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
    expect(JSON.stringify(list.body)).not.toMatch(/ECONNREFUSED|stack|at /);

    const transition = () =>
      api.http
        .post(`/api/v1/commitments/${created.body.id}/transitions`)
        .set('If-Match', '"1"')
        .set('Idempotency-Key', 'outage-1')
        .send({ to: 'accepted' });
    expect((await transition()).status).toBe(503);
    const health = await api.anonymous.get('/api/v1/health').expect(503);
    expect(health.body.checks.postgres.status).toBe('down');

    await proxy.start(); // same port: the database is back
    const retried = await transition().expect(200);
    expect(retried.body).toMatchObject({ status: 'accepted', version: 2 });
    await transition().expect(200); // the same key again: replayed, not re-run
    expect(await countEvents(api.db, created.body.id)).toBe(2);
  });
});

/** Reliability scenario 2, first half: while Redis is down, commands still succeed (their outbox is PostgreSQL). */
describe('Redis outage', () => {
  const proxy = new TcpProxy('127.0.0.1', 6379);
  let api: TestApi;
  const saved = process.env.REDIS_URL;

  beforeAll(async () => {
    await proxy.start();
    process.env.REDIS_URL = `redis://127.0.0.1:${proxy.port}`;
    api = await startTestApi();
  });
  afterAll(async () => {
    process.env.REDIS_URL = saved;
    await api.close();
    await proxy.cut();
  });

  it('keeps accepting commands and sign-ins, and reports Redis down in health until it is back', async () => {
    await proxy.cut();
    const created = await api.http
      .post('/api/v1/commitments')
      .send(aCommitment({ dueDate: '2030-01-01' }))
      .expect(201);
    await api.http.post(`/api/v1/commitments/${created.body.id}/transitions`).set('If-Match', '"1"').send({ to: 'accepted' }).expect(200);
    const user = await api.signIn('viewer'); // the sign-in throttle falls back to memory
    await user.http.get('/api/v1/me').expect(200);
    const health = await api.anonymous.get('/api/v1/health').expect(503);
    expect(health.body.checks).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'down' } });
    await proxy.start();
    await eventually(async () => expect((await api.anonymous.get('/api/v1/health')).status).toBe(200));
  });
});
