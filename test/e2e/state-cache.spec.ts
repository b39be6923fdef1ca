import { jest } from '@jest/globals';
import { EventStore } from '@hld/persistence';
import { aCommitment } from '../helpers/factories.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';

/**
 * Each API process keeps recent commitment states to skip re-reading streams. Two API instances on one
 * database: a state one of them kept can go stale behind the other's back, and must never let a stale
 * version through or answer for a state the store has left.
 */
describe('Recent states kept by an API process', () => {
  let a: TestApi;
  let b: TestApi;

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApi(), startTestApi()]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  const events = async (id: string) =>
    ((await a.db.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [id])) as Array<{ n: number }>)[0].n;
  const transition = (api: TestApi, id: string, version: number, to: string, reason?: string) =>
    api.http.post(`/api/v1/commitments/${id}/transitions`).set('If-Match', `"${version}"`).send({ to, reason });
  /** Counts the times `api` reads this commitment's stream from PostgreSQL (the real reads: the spy calls through). */
  const streamReads = (api: TestApi, id: string) => {
    const spy = jest.spyOn(api.app.get(EventStore), 'readStream');
    return {
      count: () => spy.mock.calls.filter(([streamId]) => streamId === id).length,
      restore: () => spy.mockRestore(),
    };
  };

  it('skips reading the stream for the version it kept, and reads it for any other', async () => {
    const { id } = (await a.http.post('/api/v1/commitments').send(aCommitment()).expect(201)).body;
    const reads = streamReads(a, id);
    try {
      await transition(a, id, 1, 'accepted').expect(200); // a kept version 1 when it registered it
      await transition(a, id, 2, 'in_progress').expect(200); // and version 2 when it wrote it
      expect(reads.count()).toBe(0);
      await transition(b, id, 3, 'under_review').expect(200); // b moves it on behind a's back
      await transition(a, id, 4, 'in_progress', 'Returned: needs sources').expect(200); // a keeps version 3 only
      expect(reads.count()).toBe(1);
      await transition(a, id, 5, 'under_review').expect(200);
      expect(reads.count()).toBe(1);
    } finally {
      reads.restore();
    }
  });

  it('refuses a version that another process has moved past, however it is asked, and writes nothing', async () => {
    const { id } = (await a.http.post('/api/v1/commitments').send(aCommitment()).expect(201)).body;
    await transition(a, id, 1, 'accepted').expect(200); // a now holds version 2
    await transition(b, id, 2, 'in_progress').expect(200); // b moves it to version 3 behind a's back

    // a legal move from a's stale state: the append refuses it
    let res = await transition(a, id, 2, 'in_progress').expect(409);
    expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', expectedVersion: 2, currentVersion: 3 });
    // an illegal one from a's stale state: decided again on the stored stream, so a version conflict too
    res = await transition(a, id, 2, 'completed').expect(409);
    expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 3 });
    expect(await events(id)).toBe(3);

    // the current version goes through on either, and the record is what happened
    await transition(a, id, 3, 'under_review').expect(200);
    await transition(b, id, 4, 'in_progress', 'Returned: the figures need sources').expect(200);
    await transition(a, id, 5, 'under_review').expect(200);
    const history = (await b.http.get(`/api/v1/commitments/${id}/history`).expect(200)).body;
    const moves = history.items.filter((e: { type: string }) => e.type === 'CommitmentStatusChanged');
    expect(moves.map((e: { payload: { to: string } }) => e.payload.to)).toEqual([
      'accepted',
      'in_progress',
      'under_review',
      'in_progress',
      'under_review',
    ]);
  });

  it('answers from the current state when the kept one is current: the refusal names the allowed next states', async () => {
    const { id } = (await a.http.post('/api/v1/commitments').send(aCommitment()).expect(201)).body;
    await transition(a, id, 1, 'accepted').expect(200);
    const res = await transition(a, id, 2, 'completed').expect(409);
    expect(res.body.code).not.toBe('VERSION_CONFLICT');
    expect(res.body).toMatchObject({ allowedTransitions: expect.arrayContaining(['in_progress']) });
    expect(await events(id)).toBe(2);
  });
});
