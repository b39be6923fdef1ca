import { aCommitment } from '../helpers/factories.js';
import { countEvents } from '../helpers/db.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';
import { TEST_DATABASE_URL } from '../test-environment.js';

/** PostgreSQL goes away under the API (reliability scenario 3): 503 problem+json with Retry-After, then recovery. */
describe('PostgreSQL outage', () => {
  const proxy = new TcpProxy('127.0.0.1', Number(new URL(TEST_DATABASE_URL).port || 5432));
  let api: TestApi;

  beforeAll(async () => {
    await proxy.start();
    const url = new URL(TEST_DATABASE_URL);
    url.port = String(proxy.port);
    process.env.DATABASE_URL = url.toString();
    api = await startTestApi();
  });
  afterAll(async () => {
    process.env.DATABASE_URL = TEST_DATABASE_URL;
    await api.close();
    await proxy.cut();
  });

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
      api.http.post(`/api/v1/commitments/${created.body.id}/transitions`).set('If-Match', '"1"').set('Idempotency-Key', 'outage-1').send({ to: 'accepted' });
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
