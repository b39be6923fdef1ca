import { aCommitment } from '../helpers/factories.js';
import { countEvents } from '../helpers/db.js';
import { startTestApi, type SignedIn, type TestApi } from '../helpers/test-api.js';

/**
 * Appends that name no version (progress reports) must not fail on each other: two agencies reporting at once is
 * normal, and the client has no version to be stale about. Only writes that name a version may get 409.
 */
describe('Concurrent appends on one commitment', () => {
  let api: TestApi;
  let ilo: SignedIn;
  let iom: SignedIn;
  beforeAll(async () => {
    api = await startTestApi();
    api.clock.set('2014-03-01T12:00:00Z');
    [ilo, iom] = await Promise.all([api.signIn('focal_point', 'ILO'), api.signIn('focal_point', 'IOM')]);
  });
  afterAll(() => api.close());

  const register = async () =>
    (
      await api.http
        .post('/api/v1/commitments')
        .send(aCommitment({ leadAgency: 'ILO', supportingAgencies: ['IOM'] }))
        .expect(201)
    ).body;

  it.each([16, 32])('%i simultaneous version-less progress reports by two agencies: all 201, the stream grows by as many', async (n) => {
    const c = await register();
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        (i % 2 === 0 ? ilo : iom).http
          .post(`/api/v1/commitments/${c.code}/progress-reports`)
          .send({ period: 2014, summary: `Report ${i} of ${n}.` }),
      ),
    );
    expect(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.code}`)).toEqual([]);
    // every report acknowledged is in the stream, once, with the agency that sent it
    const ids = results.map((r) => r.body.id as string);
    expect(new Set(ids).size).toBe(n);
    expect(await countEvents(api.db, c.id)).toBe(1 + n);
    const reports = await api.db.query('SELECT id, agency FROM progress_reports WHERE commitment_id = $1', [c.id]);
    expect(reports.map((r: { id: string }) => r.id).sort()).toEqual([...ids].sort());
    expect(reports.filter((r: { agency: string }) => r.agency === 'IOM')).toHaveLength(n / 2);
    // the read model's version is the stream's
    const [{ version }] = await api.db.query('SELECT max(stream_version)::int AS version FROM events WHERE stream_id = $1', [c.id]);
    const [view] = await api.db.query('SELECT version FROM commitment_view WHERE id = $1', [c.id]);
    expect(version).toBe(1 + n);
    expect(view.version).toBe(version);
    // each answer shows a version at which its own report was already there, and no two answers the same one
    const versions = results.map((r) => r.body.commitment.version as number);
    expect(new Set(versions).size).toBe(n);
  });

  it('16 simultaneous writes that name the same version (If-Match) still get exactly one 2xx and 15 x 409', async () => {
    const c = await register();
    const n = 16;
    const results = await Promise.all(
      Array.from({ length: n }, () =>
        api.http.post(`/api/v1/commitments/${c.id}/transitions`).set('If-Match', '"1"').send({ to: 'accepted' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(n - 1).fill(409)]);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect(await countEvents(api.db, c.id)).toBe(2);
  });
});
